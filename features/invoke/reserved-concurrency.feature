@source:invoke @push @sync
Feature: Reserved concurrency caps a function's executions and throttles the rest
  Reserved concurrency both guarantees and caps how many executions of a function run at once. A
  synchronous invocation beyond the cap is throttled: 429 TooManyRequestsException with the Reason
  ReservedFunctionConcurrentInvocationLimitExceeded. Reserved concurrency 0 throttles every invocation.
  At least 100 of the account's concurrency must stay unreserved.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
  - https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html

  @aws-documented @needs:concurrency
  Scenario: Invocations beyond the reservation are throttled while the others run
    Given a function that runs for 10 seconds and returns:
      """json
      "done"
      """
    And the function has a reserved concurrency of 2
    When the function is invoked synchronously 3 times at once
    Then 2 invocations answered 200 and 1 were throttled
    And the invocation is throttled with the reason ReservedFunctionConcurrentInvocationLimitExceeded

  @aws-documented @needs:concurrency
  Scenario: A slot is free again once an execution ends
    A second call while the first still runs is throttled: the contrast that shows the slot was
    taken. Once the first has ended (it started before its call step ended, so 11 seconds leave a
    second to spare), a third call runs.
    Given a function that runs for 10 seconds and returns:
      """json
      "done"
      """
    And the function has a reserved concurrency of 1
    When the function is invoked synchronously 1 time at once
    And the function is invoked synchronously 1 time at once
    And 11 seconds pass
    And the function is invoked synchronously 1 time at once
    Then the calls were answered "200, 429, 200", in the order they were made

  @aws-documented @needs:concurrency
  Scenario: Reserved concurrency 0 throttles every invocation
    Given a function that returns nothing
    And the function has a reserved concurrency of 0
    When the function is invoked synchronously with:
      """json
      {}
      """
    Then the invocation is throttled with the reason ReservedFunctionConcurrentInvocationLimitExceeded
    And the function was not invoked

  @aws-documented @needs:concurrency
  Scenario: A reservation that leaves less than 100 unreserved is refused
    Given a function that returns nothing
    When the function's reserved concurrency is set to 901
    Then the configuration is rejected with InvalidParameterValueException: "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]."
