@source:invoke @push @sync
Feature: A qualifier chooses the version that runs
  A function has a mutable $LATEST and numbered versions published from it; an alias is a name for a
  version. The Invoke API takes the version or alias as the Qualifier parameter or after a colon in the
  function name, and answers with the version that ran in X-Amz-Executed-Version. A qualifier that
  does not exist answers 404. A qualifier after the colon that contradicts the Qualifier parameter is
  refused with InvalidParameterValueException, "The derived qualifier from the function name does not
  match the specified qualifier." (recorded on AWS for GetFunction, GetFunctionConfiguration and
  DeleteFunction: localstack/localstack at 8b9a79f0, tests/aws/services/lambda_/test_lambda_api.snapshot.json,
  TestLambdaFunction::test_ops_with_arn_qualifier_mismatch, recorded 2025-11-25; that Invoke shares the
  rule is the kit's assumption).

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html
  - https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html

  Background:
    Given a function that returns:
      """json
      "first release"
      """
    And the function is published as version "1"
    And the function is changed to return:
      """json
      "work in progress"
      """

  @aws-documented @needs:versions
  Scenario: A published version keeps the code it was published with
    When the function is invoked synchronously through the qualifier "1"
    Then the response payload is the JSON string "first release"
    And the executed version is "1"

  @aws-documented @needs:versions
  Scenario: An unqualified invocation runs $LATEST
    When the function is invoked synchronously as "probe"
    Then the response payload is the JSON string "work in progress"
    And the executed version is "$LATEST"

  @aws-documented @needs:versions
  Scenario: An alias runs the version it points at and reports that version
    Given an alias "live" points at version "1"
    When the function is invoked synchronously as "probe:live"
    Then the response payload is the JSON string "first release"
    And the executed version is "1"

  @aws-documented @needs:versions
  Scenario: A qualifier that does not exist answers 404
    When the function is invoked synchronously through the qualifier "7"
    Then the invocation is rejected with status 404 and ResourceNotFoundException

  @aws-observed @needs:versions
  Scenario: A qualifier in the name that contradicts the Qualifier parameter is refused
    When the function is invoked synchronously as "probe:1" with the qualifier "$LATEST"
    Then the invocation is rejected with status 400 and InvalidParameterValueException
    And the rejection's message contains "The derived qualifier from the function name does not match the specified qualifier."
