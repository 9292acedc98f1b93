@source:invoke @push @sync
Feature: A function error in a synchronous invocation still answers 200
  The HTTP status of Invoke does not tell whether the function failed. When the function throws or
  times out, Lambda still answers 200; the header X-Amz-Function-Error is set and the payload is an
  error document with errorType and errorMessage. Lambda does not retry a failed synchronous
  invocation: retrying is the caller's decision.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html

  @aws-documented
  Scenario: A thrown error answers 200 with X-Amz-Function-Error and the error document
    Given a function that fails with "ValidationError": "order 42 has no items"
    When the function is invoked synchronously with:
      """json
      {"orderId": 42}
      """
    Then the response status is 200
    And the response reports the function error "Unhandled"
    And the error document has the type "ValidationError" and the message "order 42 has no items"

  @aws-documented
  Scenario: A function that runs past its timeout fails with "Task timed out"
    Given a function with a timeout of 3 seconds that runs for 5 seconds
    When the function is invoked synchronously with:
      """json
      {}
      """
    Then the response status is 200
    And the response reports the function error "Unhandled"
    And the error message contains "Task timed out after 3.00 seconds"

  @aws-documented
  Scenario: Lambda does not retry a failed synchronous invocation
    The same failure in an asynchronous event is retried meanwhile: the contrast that shows the target
    retries, and left the synchronous call to its caller.
    Given a function that fails with "Error": "boom"
    And a second function "called-asynchronously" that behaves the same, with the default settings
    When the function is invoked synchronously with:
      """json
      {}
      """
    And the function "called-asynchronously" is invoked asynchronously with:
      """json
      {}
      """
    And 4 minutes pass
    Then the function was invoked 1 time
    And the function "called-asynchronously" was invoked 3 times
