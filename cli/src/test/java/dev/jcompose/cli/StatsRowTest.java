package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.executor.StatsSample;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** stats' figures as the docker CLI works them out and writes them (go-units sizes, Go's %g). */
class StatsRowTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            0            ; 0B      ; 0B
            1            ; 1B      ; 1B
            750          ; 750B    ; 750B
            999.9        ; 999.9B  ; 1e+03B
            1000         ; 1000B   ; 1kB
            1023.9       ; 1024B   ; 1.02kB
            1024         ; 1KiB    ; 1.02kB
            1500         ; 1.465KiB ; 1.5kB
            4096         ; 4KiB    ; 4.1kB
            3690987      ; 3.52MiB ; 3.69MB
            10485760     ; 10MiB   ; 10.5MB
            1073741824   ; 1GiB    ; 1.07GB
            8160437862   ; 7.6GiB  ; 8.16GB
            """)
    void sizes(double bytes, String binary, String decimal) {
        assertEquals(binary, ByteSizes.binary(bytes));
        assertEquals(decimal, ByteSizes.decimal(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            # cpu, precpu, system, presystem, cpus, usage, inactive, limit ; CPU % ; MEM USAGE / LIMIT ; MEM %
            2100000000,2000000000,21000000000,19000000000,2,12582912,2097152,1073741824 ; 10.00% ; 10MiB / 1GiB   ; 0.98%
            2100000000,2000000000,21000000000,19000000000,1,12582912,-1,1073741824      ; 5.00%  ; 12MiB / 1GiB   ; 1.17%
            2000000000,2000000000,21000000000,19000000000,4,12582912,20000000,1073741824 ; 0.00% ; 12MiB / 1GiB   ; 1.17%
            2100000000,2000000000,19000000000,19000000000,4,0,-1,0                      ; 0.00%  ; 0B / 0B        ; 0.00%
            9000000000,1000000000,20000000000,10000000000,8,536870912,0,536870912       ; 640.00% ; 512MiB / 512MiB ; 100.00%
            """)
    void cpuAndMemory(String counters, String cpu, String memory, String memoryPercent) {
        List<Long> c = List.of(counters.split(",")).stream().map(Long::parseLong).toList();
        StatsSample s = new StatsSample("0123456789abcdef0123", "demo-web-1", c.get(0), c.get(1), c.get(2), c.get(3), c.get(4),
                c.get(5), c.get(6), c.get(7), 1500, 750, 4096, 0, 3);
        StatsRow row = StatsRow.of(s);
        var fields = StatsRow.fields(true);
        assertEquals(cpu, fields.get("CPUPerc").apply(row));
        assertEquals(memory, fields.get("MemUsage").apply(row));
        assertEquals(memoryPercent, fields.get("MemPerc").apply(row));
        assertEquals("1.5kB / 750B", fields.get("NetIO").apply(row));
        assertEquals("4.1kB / 0B", fields.get("BlockIO").apply(row));
        assertEquals("3", fields.get("PIDs").apply(row));
        assertEquals("0123456789ab", fields.get("ID").apply(row));
        assertEquals("0123456789abcdef0123", StatsRow.fields(false).get("ID").apply(row));
    }
}
