@source:sqs @pull @sync
Feature: ScalingConfig.MaximumConcurrency caps how many batches of a queue are in flight
  An SQS mapping scales its pollers with the queue's backlog. ScalingConfig.MaximumConcurrency (2 to
  1,000) caps the concurrent invocations that one mapping makes; the messages beyond the cap wait in
  the queue until an invocation ends. How fast the pollers scale up is not promised beyond the cap, so
  the scenario checks the cap and that it is reached: with a function that runs for 10 seconds, two
  invocations start within 9 seconds of each other (two batches in flight: the contrast that a target
  running one batch at a time fails), and no more than two start within any 9 seconds. Lambda's
  pollers start at five concurrent invocations, so without the cap more than two would run.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_ScalingConfig.html

  @aws-documented @needs:source:sqs
  Scenario: With a maximum concurrency of 2, two batches at most are in flight
    Given a function with a timeout of 15 seconds that runs for 10 seconds
    And an SQS queue "orders" with a visibility timeout of 60 seconds
    And the function polls "orders" with a batch size of 1 and a maximum concurrency of 2
    When the messages "m1, m2, m3, m4, m5, m6" are sent to "orders"
    And 1 minute passes
    Then the function was invoked 6 times
    And at least 2 invocations started within 9 seconds of each other
    And at most 2 invocations started within any 9 seconds
