package fr.refactory.engine.execution.processor;

import fr.refactory.engine.execution.ElementProcessor;

/**
 * Undefined and manual tasks and none start events: pass through (the interface
 * defaults).
 */
public class UndefinedTaskProcessor implements ElementProcessor {

}
