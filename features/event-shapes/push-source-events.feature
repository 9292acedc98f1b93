@push
Feature: The events a pushing service delivers have the shape AWS records or documents for them
  API Gateway, S3 and EventBridge hand Lambda an event of their own shape. A function reads it field by
  field, so each scenario has a target deliver one kind and compares it with AWS's shape of that kind:
  every field, its JSON type, and every ARN, Region and account id in AWS's forms.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
  - https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
  - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
  Recorded on AWS (localstack/localstack at 8b9a79f0):
  - the REST API proxy event: tests/aws/services/apigateway/test_apigateway_lambda.snapshot.json,
    test_lambda_aws_proxy_integration, recorded 2024-08-02;
  - the S3 ObjectCreated record: tests/aws/services/s3/test_s3_notifications_sns.snapshot.json,
    test_bucket_notifications_with_filter, recorded 2025-01-21;
  - the scheduled event: tests/aws/services/events/test_events_schedule.snapshot.json,
    test_schedule_cron_target_sqs, recorded 2024-05-15.
  The HTTP API events (payload 1.0 and 2.0) follow the examples on the HTTP API integration page; no
  recording of one was found.

  @aws-observed @source:api-gateway @sync @needs:source:api-gateway
  Scenario: A REST API proxy event has the shape AWS sends
    Given a function that returns:
      """json
      {"statusCode": 200, "body": ""}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders/{id}"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders/42?tag=a" to "shop"
    Then the HTTP status is 200
    And every event the function received is as AWS sends it

  @aws-documented @source:api-gateway @sync @needs:source:api-gateway
  Scenario Outline: An HTTP API event of payload format <version> has the shape AWS documents
    Given a function that returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And an HTTP API "shop" with payload format "<version>" on "GET /orders/{id}"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders/42?tag=a" to "shop"
    Then the HTTP status is 200
    And every event the function received is as AWS sends it

    Examples:
      | version |
      | 1.0     |
      | 2.0     |

  @aws-observed @source:s3 @async @needs:source:s3
  Scenario: An S3 object-created event has the shape AWS sends
    Given a function that returns nothing
    And S3 may invoke the function
    And a bucket "uploads"
    And the bucket "uploads" notifies the function of "s3:ObjectCreated:*"
    When the object "invoice.pdf" is put into "uploads" with the content "hello"
    Then the function was invoked 1 time
    And every event the function received is as AWS sends it

  @aws-observed @source:schedule @async @needs:source:schedule
  Scenario: A scheduled event has the shape AWS sends
    Given a function that returns nothing
    And EventBridge may invoke the function
    And a rule "every-minute" that invokes the function on the schedule "rate(1 minute)"
    When 1 minute passes
    Then every event the function received is as AWS sends it
