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
    Given a function that reports as failed the items containing "bad"
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" and reports batch item failures
    When the messages "good-1, bad-2, good-3" are sent to "orders"
    And 1 second passes
    Then "orders" holds the messages "bad-2"

  @aws-documented @needs:source:sqs
  Scenario Outline: The response <response> leaves <remaining> of 3 messages in the queue
    Given a function that returns:
      """json
      <response>
      """
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" and reports batch item failures
    When the messages "a, b, c" are sent to "orders"
    And 1 second passes
    Then "orders" holds <remaining> messages

    Examples: full success
      | response                   | remaining |
      | null                       | 0         |
      | {}                         | 0         |
      | {"batchItemFailures": []}  | 0         |
      | {"batchItemFailures": null} | 0        |

    Examples: the whole batch fails
      | response                                              | remaining |
      | {"batchItemFailures": [{"itemIdentifier": ""}]}       | 3         |
      | {"batchItemFailures": [{"itemIdentifier": null}]}     | 3         |
      | {"batchItemFailures": [{"id": "a"}]}                  | 3         |
      | {"batchItemFailures": [{"itemIdentifier": "unknown"}]} | 3        |

  @aws-documented @needs:source:sqs
  Scenario: Without ReportBatchItemFailures the response is not read
    Given a function that reports as failed the items containing "bad"
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the messages "good-1, bad-2" are sent to "orders"
    And 1 second passes
    Then "orders" holds 0 messages
