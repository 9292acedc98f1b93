@pull @sync
Feature: The records a poller delivers have the shape AWS records for their source
  A function's code reads the records it is given field by field, so a record that lacks a field AWS
  sends, holds it with another JSON type, or names its source by an ARN AWS would not write breaks the
  code on AWS that passed on the target, or the other way round. Each scenario has a target deliver
  records of one kind and compares every one with AWS's recorded shape of that kind: every field, its
  JSON type, every ARN and Region in AWS's forms, and the source ARN and Region of the resource the
  scenario created.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
  - https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html
  - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
  Recorded on AWS (localstack/localstack at 8b9a79f0, snapshot files under
  tests/aws/services/lambda_/event_source_mapping/):
  - SQS records: test_lambda_integration_sqs.snapshot.json, test_failing_lambda_retries_after_visibility_timeout
    and three more tests, recorded 2025-11-25; FIFO records: the same file, test_report_batch_item_failures,
    recorded 2025-03-03;
  - Kinesis records: test_lambda_integration_kinesis.snapshot.json, test_create_kinesis_event_source_mapping,
    recorded 2025-11-25;
  - DynamoDB Streams records: test_lambda_integration_dynamodbstreams.snapshot.json,
    test_dynamodb_event_source_mapping and test_dynamodb_event_filter, recorded 2025-11-25;
  - the Kinesis on-failure record: test_lambda_integration_kinesis.snapshot.json,
    test_kinesis_event_source_mapping_with_on_failure_destination_config, recorded 2025-11-25.

  @aws-observed @source:sqs @needs:source:sqs
  Scenario: An SQS record has the shape AWS sends
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders"
    When the message "{\"orderId\":42}" is sent to "orders"
    And 1 second passes
    Then every event the function received is as AWS sends it from "orders"

  @aws-observed @source:sqs @needs:source:sqs
  Scenario: An SQS FIFO record has the shape AWS sends
    Given a function that returns nothing
    And an SQS queue "orders.fifo" with a visibility timeout of 30 seconds
    And the function polls "orders.fifo"
    When the messages "first, second" are sent to "orders.fifo" in the group "customer-1"
    And 1 second passes
    Then every event the function received is as AWS sends it from "orders.fifo"

  @aws-observed @source:kinesis @needs:source:kinesis
  Scenario: A Kinesis record has the shape AWS sends
    Given a function that returns nothing
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon
    When the records "r-1, r-2" are put into "readings" with the partition key "sensor-r"
    And 2 seconds pass
    Then every event the function received is as AWS sends it from "readings"

  @aws-observed @source:dynamodb @needs:source:dynamodb
  Scenario: DynamoDB INSERT, MODIFY and REMOVE records have the shape AWS sends
    Given a function that returns nothing
    And a DynamoDB table "orders" with a NEW_AND_OLD_IMAGES stream
    And the function reads "orders" from the trim horizon
    When the item "{\"Id\": 1, \"status\": \"new\"}" is written to "orders"
    And the item "{\"Id\": 1, \"status\": \"paid\"}" is written to "orders"
    And the item with the Id 1 is deleted from "orders"
    And 2 seconds pass
    Then the function received, in order, "INSERT 1, MODIFY 1, REMOVE 1"
    And every event the function received is as AWS sends it from "orders"

  @aws-observed @source:kinesis @needs:source:kinesis @needs:destinations
  Scenario: A Kinesis on-failure record has the shape AWS sends
    Given a function that fails with "Error": "boom"
    And an SQS queue "stream-failures"
    And a Kinesis stream "readings" with 1 shard
    And the function reads "readings" from the trim horizon, retrying at most 0 times, failures going to "stream-failures"
    When the records "r-1" are put into "readings" with the partition key "sensor-r"
    And 5 seconds pass
    Then "stream-failures" received 1 record
    And every record in "stream-failures" is as AWS sends it
