@source:invoke @push @async
Feature: Destinations receive a record of each asynchronous invocation's outcome
  An asynchronous invocation can send a record of its result to a destination: on success (the
  function returned) or on failure (every attempt failed, or the event grew too old). A destination is
  an SQS standard queue, an SNS standard topic, a Lambda function, an EventBridge bus, or (on failure
  only) an S3 bucket. The record carries the request id, the function ARN, the condition
  (Success, RetriesExhausted, EventAgeExceeded, ZeroReservedConcurrency), the approximate invoke
  count, the request payload and the response. FIFO queues and topics are not supported destinations.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html
  - https://docs.aws.amazon.com/lambda/latest/api/API_DestinationConfig.html
  Recorded on AWS (localstack/localstack at 8b9a79f0, snapshot files under tests/aws/services/lambda_/):
  - the EventAgeExceeded record: test_lambda_destinations.snapshot.json,
    TestLambdaDestinationSqs::test_maxeventage, recorded 2025-11-27;
  - the ZeroReservedConcurrency record: test_lambda.snapshot.json,
    TestLambdaConcurrency::test_reserved_concurrency, recorded 2025-11-25.

  @aws-documented @needs:destinations
  Scenario: A successful event sends a Success record with the function's response
    Given a function that returns:
      """json
      {"status": "accepted"}
      """
    And an SQS queue "outcomes"
    And successful events go to "outcomes"
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    Then "outcomes" received 1 record
    And the record in "outcomes" has "requestContext.condition" set to "Success"
    And the record in "outcomes" has "requestContext.approximateInvokeCount" set to "1"
    And the record in "outcomes" has "requestContext.requestId" set to the request id of the invocation
    And the record in "outcomes" has "requestPayload" set to "{\"orderId\": 42}"
    And the record in "outcomes" has "responsePayload" set to "{\"status\": \"accepted\"}"
    And the record in "outcomes" has no "responseContext.functionError"

  @aws-documented @needs:destinations
  Scenario: An event that fails every attempt sends a RetriesExhausted record after the last attempt
    Given a function that fails with "Error": "boom"
    And an SQS queue "failures"
    And failed events go to "failures"
    When the function is invoked asynchronously with:
      """json
      {"orderId": 42}
      """
    And 2 minutes pass
    Then "failures" received nothing
    When 2 minutes pass
    Then "failures" received 1 record
    And the record in "failures" has "requestContext.condition" set to "RetriesExhausted"
    And the record in "failures" has "requestContext.approximateInvokeCount" set to "3"
    And the record in "failures" has "responseContext.functionError" set to "Unhandled"
    And the record in "failures" has "responsePayload.errorMessage" set to "boom"

  @aws-observed @needs:destinations
  Scenario: An event dropped for its age sends an EventAgeExceeded record
    Given a function that fails with "Error": "boom"
    And an SQS queue "failures"
    And failed events go to "failures" once they are 90 seconds old
    When the function is invoked asynchronously with:
      """json
      {}
      """
    And 3 minutes pass
    Then the record in "failures" has "requestContext.condition" set to "EventAgeExceeded"
    And the record in "failures" has "requestContext.approximateInvokeCount" set to "2"

  @aws-observed @needs:destinations @needs:concurrency
  Scenario: An event for a function with reserved concurrency 0 sends a ZeroReservedConcurrency record with no response
    Given a function that returns:
      """json
      {"status": "accepted"}
      """
    And an SQS queue "failures"
    And failed events go to "failures"
    And the function has a reserved concurrency of 0
    When the function is invoked asynchronously with:
      """json
      {"orderId": 7}
      """
    Then "failures" received 1 record
    And the record in "failures" has "requestContext.condition" set to "ZeroReservedConcurrency"
    And the record in "failures" has "requestContext.approximateInvokeCount" set to "0"
    And the record in "failures" has "requestPayload" set to "{\"orderId\": 7}"
    And the record in "failures" has no "responseContext"
    And the record in "failures" has no "responsePayload"
    And the function was not invoked

  @aws-documented @needs:destinations
  Scenario: An EventBridge bus receives the record as the detail of an event from source lambda
    Given a function that returns nothing
    And an EventBridge bus "audit"
    And successful events go to "audit"
    When the function is invoked asynchronously with:
      """json
      {}
      """
    Then the record in "audit" has "source" set to "lambda"
    And the record in "audit" has "detail-type" set to "Lambda Function Invocation Result - Success"
    And the record in "audit" has "detail.requestContext.condition" set to "Success"

  @aws-documented @needs:destinations
  Scenario: An SNS topic receives the record as its message
    Given a function that fails with "Error": "boom"
    And an SNS topic "alerts"
    And failed events go to "alerts" after at most 0 retries
    When the function is invoked asynchronously with:
      """json
      {"orderId": 7}
      """
    Then "alerts" received 1 record
    And the record in "alerts" has "requestContext.condition" set to "RetriesExhausted"
    And the record in "alerts" has "requestPayload" set to "{\"orderId\": 7}"

  @aws-documented @needs:destinations
  Scenario: A Lambda function destination is invoked with the record as its event
    Given a function that fails with "Error": "boom"
    And a function "failure-handler"
    And failed events go to "failure-handler" after at most 0 retries
    When the function is invoked asynchronously with:
      """json
      {}
      """
    Then "failure-handler" received 1 record
    And the record in "failure-handler" has "requestContext.condition" set to "RetriesExhausted"

  @aws-documented @needs:destinations
  Scenario: S3 can only be an on-failure destination
    Given a function that returns nothing
    And an S3 bucket "archive"
    When successful events are sent to "archive"
    Then the configuration is rejected with InvalidParameterValueException

  @aws-documented @needs:destinations
  Scenario: A FIFO queue is not a supported destination and receives nothing
    First a standard queue receives the function's Success record: the contrast that shows
    destinations work, so the FIFO queue's silence is its kind's doing.
    Given a function that returns nothing
    And an SQS queue "plain"
    And an SQS FIFO queue "ordered"
    And successful events go to "plain"
    When the function is invoked asynchronously with:
      """json
      {}
      """
    Then "plain" received 1 record
    When successful events go to "ordered"
    And the function is invoked asynchronously with:
      """json
      {}
      """
    Then "ordered" received nothing
