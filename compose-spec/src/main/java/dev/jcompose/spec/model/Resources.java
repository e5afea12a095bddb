package dev.jcompose.spec.model;

import dev.jcompose.spec.bind.Units;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A container's resource limits, null where none is set. {@code deploy.resources} wins over the older service keys
 * ({@code mem_limit}, {@code mem_reservation}, {@code cpus}, {@code pids_limit}), as docker compose does.
 */
public record Resources(Long memoryBytes, Long memoryReservationBytes, Long nanoCpus, Long pidsLimit) {
    public static final Resources NONE = new Resources(null, null, null, null);

    static Resources of(Service service) {
        Map<?, ?> extras = service.extras();
        Map<?, ?> limits = Map.of();
        Map<?, ?> reservations = Map.of();
        if (extras.get("deploy") instanceof Map<?, ?> deploy && deploy.get("resources") instanceof Map<?, ?> r) {
            if (r.get("limits") instanceof Map<?, ?> l) limits = l;
            if (r.get("reservations") instanceof Map<?, ?> l) reservations = l;
        }
        Long memory = bytes(first(limits.get("memory"), extras.get("mem_limit")));
        Long reservation = bytes(first(reservations.get("memory"), extras.get("mem_reservation")));
        Object cpus = first(limits.get("cpus"), extras.get("cpus"));
        Long nanoCpus = cpus == null ? null : new BigDecimal(String.valueOf(cpus)).movePointRight(9).longValue();
        Object pids = first(limits.get("pids"), extras.get("pids_limit"));
        Long pidsLimit = pids == null ? null : Long.valueOf(String.valueOf(pids));
        return new Resources(memory, reservation, nanoCpus, pidsLimit);
    }

    private static Object first(Object a, Object b) {
        return a != null ? a : b;
    }

    private static Long bytes(Object o) {
        return o == null ? null : Units.bytes(String.valueOf(o));
    }
}
