package fr.refactory.engine.execution;

import fr.refactory.engine.model.ExecutableProcess;

/**
 * Where new element instances go: the process (definition), the process instance and the
 * flow scope.
 */
public record ScopeRef(ExecutableProcess process, long processInstanceKey, long flowScopeKey) {

}
