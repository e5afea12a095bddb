package dev.jcompose.spec.output;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Plain trees to YAML text in block style, lists indented under their key as compose prints them. */
public final class YamlWriter {
    private YamlWriter() {}

    public static String write(Map<String, Object> tree) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE) // long values stay on one line
                .build();
        return new Dump(settings).dumpToString(tree);
    }
}
