package dev.jcompose.planner;

import dev.jcompose.spec.model.Service;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record's text exactly as its generated {@code toString()} writes it ({@code Name[a=1, b=[X[c=2]]]}), nested
 * records, collections and maps included, but built by reflection: the generated method is linked through an
 * invokedynamic bootstrap per record class at first use, milliseconds each in a cold start, for a text that is
 * hashed once ({@link ResourceHash}). A service leaves out the components that are not what its container runs.
 */
public final class RecordText {
    private RecordText() {}

    public static String of(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('[');
            Component[] components = COMPONENTS.get(r.getClass());
            for (int i = 0; i < components.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(components[i].name()).append('=');
                append(sb, components[i].read(r));
            }
            sb.append(']');
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
                append(sb, it.next());
                if (it.hasNext()) sb.append(", ");
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                append(sb, e.getKey());
                sb.append('=');
                append(sb, e.getValue());
                if (it.hasNext()) sb.append(", ");
            }
            sb.append('}');
        } else {
            sb.append(value);
        }
    }

    /** A record component's name and accessor, looked up once per record class. */
    private record Component(String name, Method accessor) {
        Object read(Record r) {
            try {
                return accessor.invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + r.getClass().getName(), e);
            }
        }
    }

    /**
     * The components of each record class, found by reflection once: a cache of what the JDK's class files say, the
     * same for every caller, which is why it may be shared (looking them up per value cost a cold {@code up} of 50
     * services a tenth of a second).
     */
    /**
     * Components of a service that are not what its container runs, so a hash leaves them out: where its lines stand
     * (moving a line must not recreate a container), and the typed {@code deploy} section, which only a swarm deploy
     * reads ({@code up} takes replicas, resources and restart policy from it through other fields, which are hashed).
     */
    private static final Set<String> SERVICE_LEFT_OUT = Set.of("deploy", "locations");

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            List<Component> out = new ArrayList<>();
            for (RecordComponent c : rc) {
                if (type == Service.class && SERVICE_LEFT_OUT.contains(c.getName())) continue;
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                out.add(new Component(c.getName(), accessor));
            }
            return out.toArray(new Component[0]);
        }
    };
}
