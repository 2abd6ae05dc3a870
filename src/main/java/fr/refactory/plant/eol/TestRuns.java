package fr.refactory.plant.eol;

import java.util.List;

public record TestRuns(String subjectKey, List<TestRun> runs) {
}
