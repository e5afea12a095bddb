package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parity test's normalisation takes out what differs by design, and nothing else. No engine. */
class InspectViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_J = "a".repeat(64), ID_V = "b".repeat(64), ID_DB_J = "c".repeat(64), ID_DB_V = "d".repeat(64);

    private static JsonNode container(String id, String name, String service, String config, String host, String networks) throws Exception {
        return JSON.readTree("""
                {"Id": "%s", "Name": "/%s",
                 "Config": {"Labels": {"com.docker.compose.service": "%s", "com.docker.compose.container-number": "1",
                            "com.docker.compose.version": "x"}, %s},
                 "HostConfig": {%s},
                 "NetworkSettings": {"Networks": {%s}}}""".formatted(id, name, service, config, host, networks));
    }

    private static Map<String, JsonNode>[] views(String configJ, String hostJ, String netJ, String configV, String hostV, String netV) throws Exception {
        JsonNode j = container(ID_J, "pj-web-1", "web", configJ, hostJ, netJ);
        JsonNode v = container(ID_V, "pv_web_1", "web", configV, hostV, netV);
        List<JsonNode> all = List.of(j, v, container(ID_DB_J, "pj-db-1", "db", "\"Cmd\": null", "", ""),
                container(ID_DB_V, "pv_db_1", "db", "\"Cmd\": null", "", ""));
        ParityNames names = new ParityNames("pj", "pv", all);
        @SuppressWarnings("unchecked")
        Map<String, JsonNode>[] out = new Map[] {InspectView.of(j, names), InspectView.of(v, names)};
        return out;
    }

    @Test
    void namesIdsAndProjectsAreRewrittenAlike() throws Exception {
        var v = views("\"Hostname\": \"aaaaaaaaaaaa\"", "\"VolumesFrom\": [\"pj-db-1:ro\"], \"NetworkMode\": \"pj_default\"",
                "\"pj_default\": {\"Aliases\": [\"web\", \"aaaaaaaaaaaa\"], \"Links\": [\"pj-db-1:db-1\"]}",
                "\"Hostname\": \"bbbbbbbbbbbb\"", "\"VolumesFrom\": [\"" + ID_DB_V + ":ro\"], \"NetworkMode\": \"pv_default\"",
                "\"pv_default\": {\"Aliases\": [\"bbbbbbbbbbbb\", \"web\"], \"Links\": [\"pv_db_1:db_1\"], \"IPAMConfig\": {}}");
        assertEquals(v[0], v[1]);
        assertEquals("\"<project>-web-1\"", v[0].get("Config.Hostname").toString());
        assertEquals("[\"<project>-db-1:ro\"]", v[0].get("HostConfig.VolumesFrom").toString());
        assertEquals("[\"web\"]", v[0].get("NetworkSettings.Networks.<project>_default.Aliases").toString());
        assertFalse(v[0].containsKey("Config.Labels"), "compose's own labels are left out");
    }

    @Test
    void anotherAliasOrLinkStillDiffers() throws Exception {
        var v = views("\"Cmd\": null", "", "\"pj_default\": {\"Aliases\": [\"web\", \"pj-web-1\"]}",
                "\"Cmd\": null", "", "\"pv_default\": {\"Aliases\": [\"web\", \"other\"], \"Links\": [\"pv_db_1:db\"]}");
        assertEquals("[\"web\"]", v[0].get("NetworkSettings.Networks.<project>_default.Aliases").toString(), "v2's own-name alias goes");
        assertEquals("[\"other\",\"web\"]", v[1].get("NetworkSettings.Networks.<project>_default.Aliases").toString());
        assertFalse(v[0].containsKey("NetworkSettings.Networks.<project>_default.Links"));
        assertEquals("[\"<project>-db-1:db\"]", v[1].get("NetworkSettings.Networks.<project>_default.Links").toString());
    }

    @Test
    void aNamedVolumeInBindsIsTheMountOfTypeVolumeButAHostPathStaysWhereItIs() throws Exception {
        var v = views("\"Cmd\": null", """
                        "Binds": ["/src:/etc/app:rw"], "Mounts": [{"Type": "volume", "Source": "pj_data", "Target": "/data"},
                          {"Type": "volume", "Target": "/anon"}]""", "",
                "\"Volumes\": {\"/etc/app\": {}, \"/data\": {}, \"/anon\": {}}",
                "\"Binds\": [\"pv_data:/data:rw\", \"/src:/etc/app\"]", "");
        assertEquals(v[0].get("HostConfig.Mounts"), v[1].get("HostConfig.Mounts"));
        assertEquals(v[0].get("HostConfig.Binds"), v[1].get("HostConfig.Binds"));
        assertEquals("[\"/src:/etc/app:rw\"]", v[0].get("HostConfig.Binds").toString());

        var bindAsMount = views("\"Cmd\": null", "\"Binds\": [\"/src:/etc/app:ro\"]", "",
                "\"Cmd\": null", "\"Mounts\": [{\"Type\": \"bind\", \"Source\": \"/src\", \"Target\": \"/etc/app\", \"ReadOnly\": true}]", "");
        assertNotEquals(bindAsMount[0].get("HostConfig.Binds"), bindAsMount[1].get("HostConfig.Binds"), "Binds and Mounts differ for a host path");
        var label = views("\"Cmd\": null", "\"Binds\": [\"/src:/s:rw\"]", "", "\"Cmd\": null", "\"Binds\": [\"/src:/s:z\"]", "");
        assertNotEquals(label[0].get("HostConfig.Binds"), label[1].get("HostConfig.Binds"), "an option other than the default mode counts");
        var nocopy = views("\"Cmd\": null", "\"Mounts\": [{\"Type\": \"volume\", \"Source\": \"pj_data\", \"Target\": \"/data\"}]", "",
                "\"Cmd\": null", "\"Binds\": [\"pv_data:/data:rw,nocopy\"]", "");
        assertNotEquals(nocopy[0].get("HostConfig.Mounts"), nocopy[1].get("HostConfig.Mounts"));
    }

    @Test
    void emptinessIsOneThingButZeroFalseAndEmptyTextAreValues() throws Exception {
        var v = views("\"Cmd\": null, \"Env\": [\"B=2\", \"A=1\"], \"ExposedPorts\": {\"80/tcp\": {}}",
                "\"CapAdd\": [], \"LogConfig\": {\"Type\": \"json-file\", \"Config\": {}}, \"Dns\": [\"1.1.1.1\", \"8.8.8.8\"], \"MemorySwappiness\": null",
                "\"pj_default\": {\"IPAMConfig\": null}",
                "\"Cmd\": [], \"Env\": [\"A=1\", \"B=2\"], \"ExposedPorts\": {\"80/tcp\": {}}",
                "\"CapAdd\": null, \"LogConfig\": {\"Type\": \"json-file\"}, \"Dns\": [\"1.1.1.1\", \"8.8.8.8\"]",
                "\"pv_default\": {\"IPAMConfig\": {}}");
        assertEquals(v[0], v[1]);
        assertEquals("[\"80/tcp\"]", v[0].get("Config.ExposedPorts").toString(), "an exposed port is kept though its value is {}");

        var values = views("\"Cmd\": null", "\"MemorySwappiness\": null, \"Dns\": [\"8.8.8.8\", \"1.1.1.1\"], \"OomKillDisable\": false", "",
                "\"Cmd\": null", "\"MemorySwappiness\": 0, \"Dns\": [\"1.1.1.1\", \"8.8.8.8\"]", "");
        assertNotEquals(values[0].get("HostConfig.MemorySwappiness"), values[1].get("HostConfig.MemorySwappiness"), "0 is not unset");
        assertNotEquals(values[0].get("HostConfig.Dns"), values[1].get("HostConfig.Dns"), "the order of DNS servers counts");
        assertNotEquals(values[0].get("HostConfig.OomKillDisable"), values[1].get("HostConfig.OomKillDisable"), "false is not unset");
    }
}
