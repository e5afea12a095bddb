package dev.jcompose.planner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A record's text exactly as its generated {@code toString()} writes it ({@code Name[a=1, b=[X[c=2]]]}), nested
 * records, collections and maps included, but built by reflection: the generated method is linked through an
 * invokedynamic bootstrap per record class at first use, milliseconds each in a cold start, for a text that is
 * hashed once ({@link ResourceHash}).
 */
final class RecordText {
    private RecordText() {}

    static String of(Object value) {
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
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            Component[] out = new Component[rc.length];
            for (int i = 0; i < rc.length; i++) {
                Method accessor = rc[i].getAccessor();
                accessor.setAccessible(true);
                out[i] = new Component(rc[i].getName(), accessor);
            }
            return out;
        }
    };
}
