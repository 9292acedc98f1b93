@source:invoke @push @async
Feature: A throttled asynchronous event waits in the queue with a growing backoff
  When Lambda cannot run an asynchronous event because the function's concurrency is used up (or
  because of a Lambda system error), the event goes back to the internal queue. Lambda tries again
  after 1 second, then doubles the wait up to 5 minutes, for as long as the event is younger than its
  maximum event age. These attempts that never reached the function do not count as retries. AWS
  does not document the exact waits, so the scenario checks what follows from the rule: the slot is
  free after 60 seconds, and the wait then in progress is at most as long as the time already waited,
  so the event runs 60 to 120 seconds after it was accepted. (The reference engine doubles exactly:
  1, 2, 4, 8, 16 and 32 seconds, so it runs the event after 63.)

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configuring.html

  @aws-documented @needs:concurrency
  Scenario: A throttled event runs once a slot is free, within one backoff interval
    Given a function that runs for 60 seconds and returns:
      """json
      "done"
      """
    And the function has a reserved concurrency of 1
    And the function is invoked synchronously 1 time at once
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 3 minutes pass
    Then the function was invoked 2 times
    And the second attempt came 60 to 120 seconds after the first

  @aws-documented @needs:fault-injection
  Scenario: System errors before the function runs do not use up the retries
    Given a function that fails with "Error": "boom"
    And the first 2 attempts of each event meet a Lambda service error
    When the function is invoked asynchronously with:
      """json
      {}
      """
    And 4 minutes pass
    Then the function was invoked 3 times
    And the attempts were 1 minute and then 2 minutes apart
