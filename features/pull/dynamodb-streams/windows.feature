@source:dynamodb @pull @sync
Feature: DynamoDB Streams batching windows and tumbling windows
  A DynamoDB Streams mapping shares its windows with Kinesis. With MaximumBatchingWindowInSeconds,
  Lambda gathers records for up to that long before it invokes the function, unless the batch fills
  first. With TumblingWindowInSeconds, each invocation gets the state the previous one returned, and
  the window ends with an invocation marked isFinalInvokeForWindow.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchwindow.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html

  @aws-documented @needs:source:dynamodb
  Scenario: Records written within the batching window reach the function in one batch
    Given a function that returns nothing
    And a DynamoDB table "orders" with a KEYS_ONLY stream
    And the function reads "orders" from the trim horizon with a batch size of 10 and a batching window of 5 seconds
    When the item "{\"Id\": 1}" is written to "orders"
    And 1 second passes
    And the item "{\"Id\": 2}" is written to "orders"
    And 1 second passes
    And the item "{\"Id\": 3}" is written to "orders"
    And 10 seconds pass
    Then the batches had the sizes "3"
    And the function received, in order, "INSERT 1, INSERT 2, INSERT 3"

  @aws-documented @needs:source:dynamodb
  Scenario: A full batch does not wait for the batching window
    The third item, alone in the next batch, waits for the window: the contrast that shows the window
    is kept, so the first batch went early because it was full.
    Given a function that returns nothing
    And a DynamoDB table "orders" with a KEYS_ONLY stream
    And the function reads "orders" from the trim horizon with a batch size of 2 and a batching window of 60 seconds
    When the item "{\"Id\": 1}" is written to "orders"
    And the item "{\"Id\": 2}" is written to "orders"
    And 5 seconds pass
    Then the batches had the sizes "2"
    When the item "{\"Id\": 3}" is written to "orders"
    And 20 seconds pass
    Then the batches had the sizes "2"
    When 45 seconds pass
    Then the batches had the sizes "2, 1"

  @aws-documented @needs:source:dynamodb
  Scenario: A tumbling window passes state along and ends with a final invocation
    Given a function that returns:
      """json
      {"state": {"total": 1}}
      """
    And a DynamoDB table "orders" with a KEYS_ONLY stream
    And the function reads "orders" from the trim horizon in tumbling windows of 60 seconds
    When the item "{\"Id\": 1}" is written to "orders"
    And 10 seconds pass
    And the item "{\"Id\": 2}" is written to "orders"
    And 2 minutes pass
    Then the function was invoked 3 times
    And event 1 has "state" set to "{}"
    And event 2 has "state.total" set to "1"
    And event 3 has "isFinalInvokeForWindow" set to "true"
