@source:sqs @pull @sync
Feature: With ReportBatchItemFailures only the reported messages return to the queue
  When the mapping's FunctionResponseTypes includes ReportBatchItemFailures, the function can answer
  {"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}: Lambda deletes the other messages and
  only the listed ones return after the visibility timeout. An empty or null list, or an empty or
  null response, means success. A response that is not valid JSON, an empty or null itemIdentifier,
  a wrong key, or an identifier that is not in the batch fail the whole batch. Without the setting,
  the response is not read.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html

  @aws-documented @needs:source:sqs
  Scenario: Only the reported message stays in the queue
    The reported message stays in flight until its visibility timeout ends, and then comes back; the
    others were deleted and never do.
    Given a function that reports as failed the items containing "bad"
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" and reports batch item failures
    When the messages "good-1, bad-2, good-3" are sent to "orders"
    And 1 second passes
    Then "orders" holds 1 message
    When 30 seconds pass
    Then the function received "bad-2" at least 2 times
    And the function received "good-1" exactly 1 time
    And the function received "good-3" exactly 1 time

  @aws-documented @needs:source:sqs
  Scenario Outline: The response <response> leaves 0 of 3 messages in the queue
    The same function then answers a batch by naming one of its messages: the contrast that shows the
    response is read, so the deletion was the response's doing.
    Given a function that returns:
      """json
      <response>
      """
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" and reports batch item failures
    When the messages "a, b, c" are sent to "orders"
    And 1 second passes
    Then "orders" holds 0 messages
    When the function is changed to report as failed the items containing "bad"
    And the messages "good-4, bad-5" are sent to "orders"
    And 1 second passes
    Then "orders" holds 1 message

    Examples: full success
      | response                    |
      | null                        |
      | {}                          |
      | {"batchItemFailures": []}   |
      | {"batchItemFailures": null} |

  @aws-documented @needs:source:sqs
  Scenario Outline: The response <response> leaves 3 of 3 messages in the queue
    The function received the messages (so the mapping polled them) and none was deleted.
    Given a function that returns:
      """json
      <response>
      """
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" and reports batch item failures
    When the messages "a, b, c" are sent to "orders"
    And 1 second passes
    Then the function received "a, b, c" in batches of at most 10
    And "orders" holds 3 messages

    Examples: the whole batch fails
      | response                                               |
      | {"batchItemFailures": [{"itemIdentifier": ""}]}        |
      | {"batchItemFailures": [{"itemIdentifier": null}]}      |
      | {"batchItemFailures": [{"id": "a"}]}                   |
      | {"batchItemFailures": [{"itemIdentifier": "unknown"}]} |

  @aws-documented @needs:source:sqs
  Scenario: Without ReportBatchItemFailures the response is not read
    A second queue, mapped with ReportBatchItemFailures, gets the same answer: the contrast that shows
    the response would have kept the reported message.
    Given a function that reports as failed the items containing "bad"
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And an SQS queue "reported" with a visibility timeout of 30 seconds
    And the function polls "orders"
    And the function polls "reported" and reports batch item failures
    When the messages "good-1, bad-2" are sent to "orders"
    And the messages "good-3, bad-4" are sent to "reported"
    And 1 second passes
    Then "orders" holds 0 messages
    And "reported" holds 1 message
