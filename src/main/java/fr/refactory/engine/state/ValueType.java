package fr.refactory.engine.state;

/** What an engine event is about, named as Zeebe's record value types. */
public enum ValueType {

	PROCESS_INSTANCE, JOB, USER_TASK, VARIABLE, INCIDENT, TIMER, MESSAGE, PROCESS_MESSAGE_SUBSCRIPTION, MESSAGE_START_EVENT_SUBSCRIPTION, SIGNAL,
	COMPENSATION_SUBSCRIPTION

}
