@source:api-gateway @push @sync
Feature: API Gateway answers 502 for function errors and 500 when Lambda rejects the invoke
  API Gateway never retries Lambda. When the function fails or returns something that is not a valid
  proxy response ("Malformed Lambda proxy response"), the client gets 502; when Lambda refuses the
  invocation (no permission, throttled), the client gets 500. Both carry
  {"message": "Internal server error"}.

  AWS documentation:
  - https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html

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

  @aws-documented @needs:source:api-gateway
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
      | response                                  |
      | {"body": "no status code"}                |
      | {"statusCode": "200"}                     |
      | {"statusCode": 200, "body": {"a": 1}}     |
      | ["not", "an", "object"]                   |

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
