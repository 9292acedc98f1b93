@source:invoke @push @sync
Feature: Requests that Lambda rejects before the function runs
  Invocation errors are different from function errors: the request is rejected before the function
  runs, and the HTTP status says so. An unknown function answers 404 ResourceNotFoundException, a
  body that is not JSON answers 400 InvalidRequestContentException. A DryRun only validates the
  request and answers 204 without running the function.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html

  @aws-documented
  Scenario: Invoking a function that does not exist answers 404
    Given a function that returns nothing
    When a function named "no-such-function" that does not exist is invoked synchronously
    Then the invocation is rejected with status 404 and ResourceNotFoundException

  @aws-documented
  Scenario: A body that is not JSON answers 400 and the function does not run
    Given a function that returns nothing
    When the function is invoked synchronously with the body "{not json"
    Then the invocation is rejected with status 400 and InvalidRequestContentException
    And the function was not invoked

  @aws-documented
  Scenario: A dry run answers 204 and does not run the function
    Given a function that returns nothing
    When the function is invoked as a dry run with:
      """json
      {"orderId": 42}
      """
    Then the response status is 204
    And the function was not invoked
