package dev.logsagent.logs.sender;

/**
 * What the intake answered to one request. The body is read and discarded (to keep the connection), since an
 * intake's answer carries nothing the agent acts on.
 *
 * @param status the HTTP status code
 */
record IntakeResponse(int status) {
}
