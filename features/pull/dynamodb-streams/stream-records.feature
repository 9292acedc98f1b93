@source:dynamodb @pull @sync
Feature: Lambda reads a DynamoDB stream: one record per item change
  Every write to a table with a stream adds a record: INSERT for a new item, MODIFY for a change, REMOVE
  for a delete. The stream view type decides which images a record carries. Lambda polls the shards
  four times per second and invokes the function with the records in order. Only TRIM_HORIZON and
  LATEST are valid starting positions.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html
  - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html

  @aws-documented @needs:source:dynamodb
  Scenario: An insert, an update and a delete arrive in order
    Given a function that returns nothing
    And a DynamoDB table "orders" with a NEW_AND_OLD_IMAGES stream
    And the function reads "orders" from the trim horizon
    When the item "{\"Id\": 1, \"status\": \"new\"}" is written to "orders"
    And the item "{\"Id\": 1, \"status\": \"paid\"}" is written to "orders"
    And the item with the Id 1 is deleted from "orders"
    And 1 second passes
    Then the function received, in order, "INSERT 1, MODIFY 1, REMOVE 1"
    And the MODIFY record has "dynamodb.OldImage.status.S" set to "new"
    And the MODIFY record has "dynamodb.NewImage.status.S" set to "paid"
    And the INSERT record has "dynamodb.Keys.Id.N" set to "1"
    And the INSERT record has "eventSource" set to "aws:dynamodb"

  @aws-documented @needs:source:dynamodb
  Scenario Outline: On MODIFY a <view> stream's new image is <new> and its old image <old>
    Given a function that returns nothing
    And a DynamoDB table "orders" with a <view> stream
    And the function reads "orders" from the trim horizon
    When the item "{\"Id\": 1, \"status\": \"new\"}" is written to "orders"
    And the item "{\"Id\": 1, \"status\": \"paid\"}" is written to "orders"
    And 1 second passes
    Then the MODIFY record has "dynamodb.StreamViewType" set to "<view>"
    And the MODIFY record's "dynamodb.NewImage" is <new>
    And the MODIFY record's "dynamodb.OldImage" is <old>
    And the MODIFY record's "dynamodb.Keys" is present

    Examples:
      | view               | new     | old     |
      | KEYS_ONLY          | absent  | absent  |
      | NEW_IMAGE          | present | absent  |
      | OLD_IMAGE          | absent  | present |
      | NEW_AND_OLD_IMAGES | present | present |

  @aws-observed @needs:source:dynamodb
  Scenario: AT_TIMESTAMP is not a valid starting position for DynamoDB Streams
    Recorded on AWS: localstack/localstack at 8b9a79f0,
    tests/aws/services/lambda_/test_lambda_api.snapshot.json,
    TestLambdaEventSourceMappings::test_create_event_source_validation, recorded 2025-11-25.
    Given a function that returns nothing
    And a DynamoDB table "orders" with a NEW_IMAGE stream
    When the function is mapped to "orders" starting at AT_TIMESTAMP
    Then the mapping is rejected with InvalidParameterValueException saying "Unsupported starting position for arn type: arn:"
