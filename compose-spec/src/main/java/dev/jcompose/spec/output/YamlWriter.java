package dev.jcompose.spec.output;

import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/** Plain trees to YAML text in block style, lists indented under their key as compose prints them. */
public final class YamlWriter {
    /** Words a YAML 1.1 reader (docker-compose v1, PyYAML) takes for booleans: always quoted, so they stay strings. */
    private static final Pattern YAML11_BOOL = Pattern.compile("(?i)y|n|yes|no|on|off|true|false");

    private YamlWriter() {}

    public static String write(Map<String, Object> tree) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE) // long values stay on one line
                .build();
        return new Dump(settings, new Representer(settings)).dumpToString(tree);
    }

    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
            RepresentToNode plain = this.representers.get(String.class);
            this.representers.put(String.class, data -> YAML11_BOOL.matcher((String) data).matches()
                    ? representScalar(Tag.STR, (String) data, ScalarStyle.DOUBLE_QUOTED)
                    : plain.representData(data));
        }
    }
}
