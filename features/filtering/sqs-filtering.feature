@source:sqs @pull @sync
Feature: Filters decide which SQS messages reach the function; the others are deleted
  An event source mapping can carry up to 5 filter patterns (OR-ed) in EventBridge syntax. For SQS
  the body is matched as JSON when it is JSON. A message no filter matches is deleted from the queue
  without invoking the function. A plain-text body never matches a pattern on body fields.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
  - https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html

  @aws-documented @needs:source:sqs @needs:filtering
  Scenario: Only matching messages reach the function and the rest are deleted
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" with the filter:
      """json
      {"body": {"kind": ["order"]}}
      """
    When the messages "{\"kind\":\"order\"}, {\"kind\":\"refund\"}, plain text" are sent to "orders"
    And 1 second passes
    Then the function received, in order, "{\"kind\":\"order\"}"
    And "orders" holds 0 messages

  @aws-documented @needs:source:sqs @needs:filtering
  Scenario Outline: The filter <filter> lets through <passed>
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" with the filter:
      """json
      <filter>
      """
    When the messages "{\"amount\":5,\"region\":\"eu-west-1\"}, {\"amount\":50,\"region\":\"us-east-1\"}, {\"amount\":500}" are sent to "orders"
    And 1 second passes
    Then the function was invoked <invocations> time
    And the function received, in order, "<passed>"

    Examples:
      | filter                                                       | invocations | passed                                          |
      | {"body": {"amount": [{"numeric": [">", 10]}]}}               | 1           | {\"amount\":50,\"region\":\"us-east-1\"}, {\"amount\":500} |
      | {"body": {"region": [{"prefix": "eu-"}]}}                    | 1           | {\"amount\":5,\"region\":\"eu-west-1\"}          |
      | {"body": {"region": [{"exists": false}]}}                    | 1           | {\"amount\":500}                                |
      | {"body": {"region": [{"anything-but": ["us-east-1"]}]}}      | 1           | {\"amount\":5,\"region\":\"eu-west-1\"}          |

  @aws-documented @needs:source:sqs @needs:filtering
  Scenario: Several filters are OR-ed: a message matching any of them is delivered
    Given a function that returns nothing
    And an SQS queue "orders" with a visibility timeout of 30 seconds
    And the function polls "orders" with the filters, one per line:
      """
      {"body": {"kind": ["order"]}}
      {"body": {"kind": ["refund"]}}
      """
    When the messages "{\"kind\":\"order\"}, {\"kind\":\"refund\"}, {\"kind\":\"survey\"}" are sent to "orders"
    And 1 second passes
    Then the function received "{\"kind\":\"order\"}, {\"kind\":\"refund\"}" in batches of at most 10
    And the function did not receive "{\"kind\":\"survey\"}"
    And "orders" holds 0 messages
