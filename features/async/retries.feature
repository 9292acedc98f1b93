@source:invoke @push @async
Feature: Asynchronous invocations are retried twice after a function error
  With the invocation type Event, Lambda puts the event on an internal queue and answers 202 at
  once. A separate process runs the function. When the function returns an error, Lambda retries
  the event: by default twice, waiting 1 minute before the second attempt and 2 minutes before the
  third. MaximumRetryAttempts (0 to 2) lowers the number of retries. Every attempt carries the same
  request id: the documentation does not say so, a recording on AWS shows it (localstack/localstack
  at 8b9a79f0, tests/aws/services/lambda_/test_lambda_destinations.snapshot.json,
  TestLambdaDestinationSqs::test_retries, recorded 2025-11-25: the third attempt's error names the
  request id of the destination record).

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html

  @aws-documented
  Scenario: An asynchronous invocation is accepted with 202 and no payload
    Given a function that returns:
      """json
      {"ok": true}
      """
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    Then the response status is 202
    And the response has no payload
    And the function was invoked 1 time

  @aws-documented
  Scenario: A failing event is attempted three times, 1 minute and then 2 minutes apart
    Given a function that fails with "Error": "boom"
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 4 minutes pass
    Then the function was invoked 3 times
    And the attempts were 1 minute and then 2 minutes apart

  @aws-observed
  Scenario: Every attempt of an event carries the event's request id
    Given a function that fails with "Error": "boom"
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 4 minutes pass
    Then the function was invoked 3 times
    And every attempt carried the same request id

  @aws-documented
  Scenario: A retry that succeeds ends the retries
    Given a function that fails its first 1 invocation and then returns:
      """json
      {"ok": true}
      """
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 4 minutes pass
    Then the function was invoked 2 times
    And the attempts were 1 minute apart

  @aws-documented
  Scenario Outline: MaximumRetryAttempts <retries> gives <attempts> attempt(s) in all
    A second function that fails the same way, with the default of 2 retries, is the contrast: it is
    attempted three times meanwhile, so a target that never retries fails here too.
    Given a function that fails with "Error": "boom"
    And a second function "unconfigured" that behaves the same, with the default settings
    And the function's maximum retry attempts are <retries>
    When the function and "unconfigured" are each invoked asynchronously with:
      """json
      {}
      """
    And 4 minutes pass
    Then the function was invoked <attempts> times
    And the function "unconfigured" was invoked 3 times

    Examples:
      | retries | attempts |
      | 0       | 1        |
      | 1       | 2        |
      | 2       | 3        |

  @aws-documented
  Scenario: MaximumRetryAttempts above 2 is rejected
    The API reference gives MaximumRetryAttempts the range 0–2, so 3 breaks a model constraint: AWS answers
    "1 validation error detected: Value '5' at 'maximumRetryAttempts' failed to satisfy constraint:
    Member must have value less than or equal to 2" (quoted from a deployment in
    aws-cloudformation/cfn-lint issue 1926, 2021-03-04). The error type, ValidationException, follows
    the rule recorded for other model constraints and is a setting of the reference engine.
    Given a function that returns nothing
    When the function's maximum retry attempts are set to 3
    Then the configuration is rejected with ValidationException
