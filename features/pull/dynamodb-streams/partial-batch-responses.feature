@source:dynamodb @pull @sync
Feature: A partial batch response checkpoints a DynamoDB stream at the first failed record
  As for Kinesis, with ReportBatchItemFailures the function names failed records by their
  dynamodb.SequenceNumber; Lambda retries from the lowest one.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html

  @aws-documented @needs:source:dynamodb
  Scenario: The retry starts at the first failed change
    How DynamoDB splits the three changes into batches is its affair; what the response decides is
    that the change before the failed one is not sent again, and that every retry begins with the
    failed change.
    Given a function that reports as failed the items containing "broken"
    And a DynamoDB table "orders" with a NEW_IMAGE stream
    And the function reads "orders" from the trim horizon and reports batch item failures
    When the item "{\"Id\": 1, \"status\": \"fine\"}" is written to "orders"
    And the item "{\"Id\": 2, \"status\": \"broken\"}" is written to "orders"
    And the item "{\"Id\": 3, \"status\": \"fine\"}" is written to "orders"
    And 1 second passes
    Then the function received "INSERT 1" exactly 1 time
    And every batch after the first that held "INSERT 2" began with it
