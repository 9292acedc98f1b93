@source:invoke @push @sync
Feature: The Invoke API takes a function's name, its ARN or a partial ARN
  FunctionName names the function in one of three forms: its name (my-function), its full ARN
  (arn:aws:lambda:us-west-2:123456789012:function:my-function) or a partial ARN
  (123456789012:function:my-function). A version or alias may follow any of them after a colon. The
  scenarios take the ARN the target gave the function when it created it.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html

  Background:
    Given a function that returns:
      """json
      "reached"
      """

  @aws-documented
  Scenario: The full ARN invokes the function
    When the function is invoked synchronously by its full ARN
    Then the response status is 200
    And the response payload is the JSON string "reached"
    And the function was invoked 1 time

  @aws-documented
  Scenario: A partial ARN invokes the function
    When the function is invoked synchronously by its partial ARN
    Then the response status is 200
    And the response payload is the JSON string "reached"
    And the function was invoked 1 time

  @aws-documented @needs:versions
  Scenario: A full ARN with a version after a colon runs that version
    Given the function is published as version "1"
    And the function is changed to return:
      """json
      "changed"
      """
    When the function is invoked synchronously by its full ARN with the qualifier "1" appended
    Then the response payload is the JSON string "reached"
    And the executed version is "1"
