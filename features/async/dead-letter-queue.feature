@source:invoke @push @async
Feature: A dead-letter queue keeps the events that failed
  A function's dead-letter queue (an SQS standard queue or SNS standard topic) receives an
  asynchronous event that failed every attempt or grew too old. The message is the event exactly as it
  was sent, with three attributes: RequestID, ErrorCode (the HTTP status code) and ErrorMessage (the
  first 1 KB of the error). With reserved concurrency 0, events go straight there without an attempt.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html

  @aws-documented @needs:dead-letter-queues
  Scenario: The dead-letter queue receives the original event with the error attributes
    Given a function that fails with "Error": "boom"
    And an SQS queue "dlq"
    And the function's dead-letter queue is "dlq"
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 4 minutes pass
    Then "dlq" received 1 record
    And the message in "dlq" is the original event:
      """json
      {"orderId": 42}
      """
    And the message in "dlq" has the attribute "RequestID" set to the request id of the invocation
    And the message in "dlq" has the attribute "ErrorCode" set to "200"

  @aws-documented @needs:dead-letter-queues
  Scenario: Nothing reaches the dead-letter queue while retries remain
    Given a function that fails with "Error": "boom"
    And an SQS queue "dlq"
    And the function's dead-letter queue is "dlq"
    When the function is invoked asynchronously with:
      """json
      {}
      """
    And 2 minutes pass
    Then "dlq" received nothing

  @aws-documented @needs:dead-letter-queues @needs:concurrency
  Scenario: With reserved concurrency 0 an event goes straight to the dead-letter queue
    Given a function that returns nothing
    And an SQS queue "dlq"
    And the function's dead-letter queue is "dlq"
    And the function has a reserved concurrency of 0
    When the function is invoked asynchronously with:
      """json
      {"orderId": 7}
      """
    Then "dlq" received 1 record
    And the function was not invoked
