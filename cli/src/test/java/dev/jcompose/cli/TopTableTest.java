package dev.jcompose.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.executor.ContainerProcesses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table as Go's tabwriter lays it out for compose's top: minimum width 5, padding 3, runes counted. */
class TopTableTest {
    @Test
    void columnsAsWideAsTheirWidestCellPlusThreeAtLeastFive() {
        ContainerProcesses p = new ContainerProcesses(List.of("UID", "PID", "CMD"),
                List.of(List.of("root", "1", "sleep 1000"), List.of("nobody", "12345", "sh -c é")));
        assertEquals("""
                UID      PID     CMD
                root     1       sleep 1000   \n\
                nobody   12345   sh -c é      \n\
                \n""", TopTable.render(p));
    }

    @Test
    void noProcessesIsTheHeaderAlone() {
        assertEquals("A    B\n\n", TopTable.render(new ContainerProcesses(List.of("A", "B"), List.of())));
    }
}
