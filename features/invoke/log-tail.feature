@source:invoke @push @sync
Feature: X-Amz-Log-Type Tail returns the end of the execution log
  A synchronous caller can ask for the execution log with the header X-Amz-Log-Type: Tail. Lambda then
  returns the last 4 KB of the log, base64-encoded, in X-Amz-Log-Result: the runtime's START, END and
  REPORT lines around what the function wrote.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html

  @aws-documented @needs:log-tail
  Scenario: The log tail holds the runtime's lines for the request
    Given a function that logs 3 lines
    When the function is invoked synchronously with the log type Tail
    Then the log tail contains "log line 3 of 3"
    And the log tail contains "END RequestId: <request id>"
    And the log tail contains "REPORT RequestId: <request id>"

  @aws-documented @needs:log-tail
  Scenario: Only the last 4 KB of a long log are returned
    Given a function that logs 1000 lines
    When the function is invoked synchronously with the log type Tail
    Then the log tail is at most 4096 bytes
    And the log tail contains "log line 1000 of 1000"

  @aws-documented @needs:log-tail
  Scenario: Without the header there is no log tail
    The same function's log tail, asked for first, is the contrast: the second call leaves out a log
    that exists.
    Given a function that logs 3 lines
    When the function is invoked synchronously with the log type Tail
    Then the log tail contains "log line 3 of 3"
    When the function is invoked synchronously with:
      """json
      {}
      """
    Then the response has no log tail
