package dev.jcompose.spec.model;

import java.util.List;
import java.util.SortedMap;

/**
 * A request for devices such as GPUs ({@code gpus}, {@code deploy.resources.reservations.devices}).
 *
 * @param count -1 for all
 */
public record DeviceRequest(String driver, int count, List<String> deviceIds, List<String> capabilities,
                            SortedMap<String, String> options) {
    public DeviceRequest {
        deviceIds = List.copyOf(deviceIds);
        capabilities = List.copyOf(capabilities);
        options = Collections2.sortedCopy(options);
    }
}
