package fr.refactory.engine.execution.processor;

import fr.refactory.engine.execution.ElementProcessor;

/** None end event: completes; having no outgoing flow, its scope completes once idle. */
public class EndEventProcessor implements ElementProcessor {

}
