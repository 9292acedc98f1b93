@source:api-gateway @push @sync
Feature: API Gateway answers 502 for function errors and 500 when Lambda rejects the invoke
  API Gateway never retries Lambda. On a REST API, when the function fails or returns something that
  is not a valid proxy response ("Malformed Lambda proxy response"), the client gets 502; when Lambda
  refuses the invocation (no permission, throttled), the client gets 500. Both carry
  {"message": "Internal server error"}. A proxy response may hold only statusCode, headers,
  multiValueHeaders, body and isBase64Encoded; statusCode may be a numeric string and may be left out.
  An HTTP API answers {"message":"Internal Server Error"} instead; its status is not printed on the
  page, so the kit takes 500 from the message and keeps it a setting (HttpApiErrorStatus).

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html
  Recorded on AWS: localstack/localstack (commit 8b9a79f0)
  tests/aws/services/apigateway/test_apigateway_lambda.snapshot.json,
  test_aws_proxy_response_payload_format_validation, recorded 2024-11-15 (the malformed responses, the
  numeric-string statusCode, the response with headers only).

  @aws-documented @needs:source:api-gateway
  Scenario: A function error answers 502 and is not retried
    Given a function that fails with "Error": "boom"
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    And 3 minutes pass
    Then the HTTP status is 502
    And the HTTP body is "{\"message\":\"Internal server error\"}"
    And the function was invoked 1 time

  @aws-observed @needs:source:api-gateway
  Scenario Outline: A malformed proxy response answers 502: <response>
    Given a function that returns:
      """json
      <response>
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 502

    Examples:
      | response                                                       |
      | {"statusCode": 200, "wrongValue": "value"}                     |
      | {"statusCode": "test"}                                         |
      | {"statusCode": 200, "multiValueHeaders": {"a": "not a list"}}  |
      | "justAString"                                                  |
      | ["not", "an", "object"]                                        |

  @aws-documented @needs:source:api-gateway
  Scenario: A body that is not a string is a malformed proxy response
    Given a function that returns:
      """json
      {"statusCode": 200, "body": {"a": 1}}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 502

  @aws-observed @needs:source:api-gateway
  Scenario: A statusCode given as a numeric string is the response's status
    Given a function that returns:
      """json
      {"statusCode": "201"}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 201
    And the HTTP body is ""

  @aws-observed @needs:source:api-gateway
  Scenario: A response with headers and no statusCode answers 200
    Given a function that returns:
      """json
      {"headers": {"test-header": "value"}}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 200
    And the HTTP header "test-header" is "value"
    And the HTTP body is ""

  @aws-documented @needs:source:api-gateway
  Scenario Outline: An HTTP API answers a function error with "Internal Server Error" (payload <version>)
    Given a function that fails with "Error": "boom"
    And an HTTP API "shop" with payload format "<version>" on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 500
    And the HTTP body is "{\"message\":\"Internal Server Error\"}"
    And the function was invoked 1 time

    Examples:
      | version |
      | 1.0     |
      | 2.0     |

  @aws-documented @needs:source:api-gateway
  Scenario: Without the permission, Lambda rejects the invoke and the client gets 500
    Given a function that returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 500
    And the function was not invoked

  @aws-documented @needs:source:api-gateway @needs:concurrency
  Scenario: A throttled invoke answers 500
    Given a function that returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And the function has a reserved concurrency of 0
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 500
