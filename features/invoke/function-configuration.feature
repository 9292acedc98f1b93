@source:invoke @push
Feature: A function's timeout is between 1 second and 15 minutes
  Lambda refuses a function whose timeout is above 900 seconds (15 minutes) or below 1 second. A
  function it accepts is created: it answers an invocation. The refusal is a ValidationException, "1
  validation error detected: Value '3000' at 'timeout' failed to satisfy constraint: Member must have
  value less than or equal to 900", as AWS answered it to a CloudFormation deployment quoted in
  covidatlas/li pull request 575 (2020-08-16); the error type is also a setting of the reference
  engine (ModelConstraintErrorType).

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
  - https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html

  @aws-documented
  Scenario Outline: A timeout of <seconds> seconds is <verdict>
    When a function with a timeout of <seconds> seconds is created
    Then the function is <verdict>

    Examples:
      | seconds | verdict                                      |
      | 1       | created                                      |
      | 900     | created                                      |
      | 901     | rejected with ValidationException            |
      | 0       | rejected with ValidationException            |
