package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The bodies of {@code POST /networks/create} and {@code POST /volumes/create}. */
public final class ResourceRequests {
    private ResourceRequests() {}

    public static Map<String, Object> network(NetworkSpec spec) {
        Body body = new Body();
        body.always("Name", spec.name());
        // Below API 1.44 the engine makes a second network of a name already taken unless asked to check; two projects
        // naming one network and coming up at once then made two, and every later call by that name was "ambiguous".
        // 1.44 and later always check and ignore the field.
        body.always("CheckDuplicate", true);
        body.always("Driver", spec.driver() == null ? "bridge" : spec.driver());
        body.always("Options", spec.options());
        body.always("Labels", spec.labels());
        body.always("Internal", spec.internal());
        body.always("Attachable", spec.attachable());
        body.always("EnableIPv6", Boolean.TRUE.equals(spec.enableIpv6()));
        if (spec.ipam() != null) {
            Body ipam = new Body().put("Driver", spec.ipam().driver());
            List<Map<String, Object>> pools = new ArrayList<>();
            for (NetworkSpec.Pool p : spec.ipam().pools()) {
                pools.add(new Body().put("Subnet", p.subnet()).put("IPRange", p.ipRange()).put("Gateway", p.gateway())
                        .put("AuxiliaryAddresses", p.auxAddresses()).map());
            }
            ipam.always("Config", pools);
            ipam.put("Options", spec.ipam().options());
            body.put("IPAM", ipam.map());
        }
        return body.map();
    }

    public static Map<String, Object> volume(VolumeSpec spec) {
        return new Body().always("Name", spec.name()).always("Driver", spec.driver() == null ? "local" : spec.driver())
                .always("DriverOpts", spec.options()).always("Labels", spec.labels()).map();
    }
}
