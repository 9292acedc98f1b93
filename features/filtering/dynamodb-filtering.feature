@source:dynamodb @pull @sync
Feature: Filters skip DynamoDB stream records by their dynamodb keys
  For DynamoDB Streams the filter key is dynamodb: a pattern matches the record's keys and images as
  DynamoDB writes them (each value under its type, such as S or N), and records no filter matches are
  skipped. Filters on the record's metadata, such as eventName, work the same way.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html

  @aws-documented @needs:source:dynamodb @needs:filtering
  Scenario: Only records whose new image matches are delivered
    Given a function that returns nothing
    And a DynamoDB table "orders" with a NEW_IMAGE stream
    And the function polls "orders" with the filter:
      """json
      {"dynamodb": {"NewImage": {"status": {"S": ["paid"]}}}}
      """
    When the item "{\"Id\": 1, \"status\": \"new\"}" is written to "orders"
    And the item "{\"Id\": 2, \"status\": \"paid\"}" is written to "orders"
    And 1 second passes
    Then the function received, in order, "INSERT 2"

  @aws-documented @needs:source:dynamodb @needs:filtering
  Scenario: A filter on eventName delivers only the removals
    Given a function that returns nothing
    And a DynamoDB table "orders" with a KEYS_ONLY stream
    And the function polls "orders" with the filter:
      """json
      {"eventName": ["REMOVE"]}
      """
    When the item "{\"Id\": 1}" is written to "orders"
    And the item with the Id 1 is deleted from "orders"
    And 1 second passes
    Then the function received, in order, "REMOVE 1"
