@source:invoke @push @async
Feature: An asynchronous event may be delivered more than once
  Lambda's internal queue is eventually consistent: even without an error, the same event can reach
  the function more than once, with the same request id. Functions invoked asynchronously must be
  idempotent. The reference target shows this on demand.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html

  @aws-documented @needs:fault-injection
  Scenario: A duplicate delivery carries the same request id
    Given a function that returns nothing
    And Lambda delivers every successful event twice
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 1 minute passes
    Then the function was invoked 2 times
    And every attempt carried the same request id
