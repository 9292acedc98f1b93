@source:invoke @push @async
Feature: An asynchronous event is dropped when it would be too old for its next retry
  MaximumEventAgeInSeconds (60 to 21,600 seconds, 6 hours by default) bounds how long Lambda keeps
  an event. Lambda checks the age before it schedules a retry, not when the retry falls due: with
  60 seconds, the event is dropped right after its first failure (the retry would be 60 seconds
  old); with 90 seconds exactly one retry happens.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html
  Evidence: recorded on AWS in localstack/localstack,
  tests/aws/services/lambda_/test_lambda_destinations.snapshot.json,
  TestLambdaDestinationSqs::test_maxeventage (commit 8b9a79f0, recorded 2025-11-27).

  @aws-observed
  Scenario Outline: A maximum event age of <age> seconds allows <attempts> attempt(s)
    A second function that fails the same way, with the default age of 6 hours, is attempted three
    times meanwhile: the contrast that shows the age, and not a lack of retries, stopped the first.
    Given a function that fails with "Error": "boom"
    And a second function "unconfigured" that behaves the same, with the default settings
    And the function's maximum event age is <age> seconds
    When the function and "unconfigured" are each invoked asynchronously with:
      """json
      {}
      """
    And 4 minutes pass
    Then the function was invoked <attempts> times
    And the function "unconfigured" was invoked 3 times

    Examples:
      | age | attempts |
      | 60  | 1        |
      | 90  | 2        |

  @aws-documented
  Scenario Outline: A maximum event age of <age> seconds allows <attempts> attempts
    The retries fall due 1 minute and 3 minutes after the event was accepted. An age well short of
    3 minutes drops the event instead of its third attempt; one well beyond it allows all three. The
    exact boundary (an age of exactly 180 seconds) is not documented or recorded, so no row sits on it.
    The second function, with the default age, is the contrast: it is attempted three times.
    Given a function that fails with "Error": "boom"
    And a second function "unconfigured" that behaves the same, with the default settings
    And the function's maximum event age is <age> seconds
    When the function and "unconfigured" are each invoked asynchronously with:
      """json
      {}
      """
    And 4 minutes pass
    Then the function was invoked <attempts> times
    And the function "unconfigured" was invoked 3 times

    Examples:
      | age | attempts |
      | 150 | 2        |
      | 240 | 3        |

  @aws-documented
  Scenario: A maximum event age below 60 seconds is rejected
    The range 60–21,600 is the API reference's; the error type, ValidationException, follows the rule
    recorded on AWS for model constraints (see retries.feature) and is a setting of the reference engine.
    Given a function that returns nothing
    When the function's maximum event age is set to 59 seconds
    Then the configuration is rejected with ValidationException
