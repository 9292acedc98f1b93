@source:invoke @push @sync
Feature: A synchronous invocation returns the function's response
  When a caller invokes a function with the invocation type RequestResponse (the default), Lambda
  runs the function, waits for it, and answers HTTP 200 with whatever the function returned,
  serialised as JSON, plus the version that ran in X-Amz-Executed-Version.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html

  @aws-documented
  Scenario: The function's return value is the response payload
    Given a function that returns:
      """json
      {"orderId": 42, "status": "accepted"}
      """
    When the function is invoked synchronously with:
      """json
      {"orderId": 42}
      """
    Then the response status is 200
    And the response has no function error
    And the response payload is:
      """json
      {"orderId": 42, "status": "accepted"}
      """
    And the executed version is "$LATEST"

  @aws-documented
  Scenario: The function receives the payload unchanged
    Given a function that returns nothing
    When the function is invoked synchronously with:
      """json
      {"customer": {"id": "c-7", "tier": "gold"}, "items": [1, 2, 3]}
      """
    Then the function was invoked 1 time
    And the function received the event:
      """json
      {"customer": {"id": "c-7", "tier": "gold"}, "items": [1, 2, 3]}
      """

  @aws-documented
  Scenario: A function that returns nothing answers with the JSON null
    Given a function that returns nothing
    When the function is invoked synchronously with:
      """json
      {}
      """
    Then the response status is 200
    And the response payload is:
      """json
      null
      """
