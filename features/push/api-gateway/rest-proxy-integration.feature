@source:api-gateway @push @sync
Feature: A REST API proxy integration maps the function's response to the HTTP response
  With a Lambda proxy integration, API Gateway invokes the function synchronously with the whole
  request (payload format 1.0) and turns the function's answer into the HTTP response: statusCode,
  headers and multiValueHeaders (merged; multiValueHeaders win), and body, base64-decoded when
  isBase64Encoded is true.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html

  @aws-documented @needs:source:api-gateway
  Scenario: The proxy response becomes the HTTP response
    Given a function that returns:
      """json
      {"statusCode": 201, "headers": {"X-Order": "42"}, "body": "created", "isBase64Encoded": false}
      """
    And a REST API "shop" with a Lambda proxy integration on "POST /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends POST "/orders" to "shop" with the body:
      """json
      {"item": "book"}
      """
    Then the HTTP status is 201
    And the HTTP body is "created"
    And the HTTP header "X-Order" is "42"

  @aws-documented @needs:source:api-gateway
  Scenario: multiValueHeaders win over headers of the same name
    Given a function that returns:
      """json
      {"statusCode": 200, "headers": {"Set-Cookie": "a=0"}, "multiValueHeaders": {"Set-Cookie": ["a=1", "b=2"]}, "body": ""}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP header "Set-Cookie" is "a=1, b=2"

  @aws-documented @needs:source:api-gateway
  Scenario: A base64-encoded body is decoded
    Given a function that returns:
      """json
      {"statusCode": 200, "body": "aGVsbG8=", "isBase64Encoded": true}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /hello"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/hello" to "shop"
    Then the HTTP body is "hello"

  @aws-documented @needs:source:api-gateway
  Scenario: The function receives the request as a payload 1.0 event
    Given a function that returns:
      """json
      {"statusCode": 200, "body": ""}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders/{id}"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders/42?tag=a&tag=b" to "shop" with the headers:
      | name   | value            |
      | Accept | application/json |
    Then the event has "resource" set to "/orders/{id}"
    And the event has "path" set to "/orders/42"
    And the event has "httpMethod" set to "GET"
    And the event has "pathParameters.id" set to "42"
    And the event has "queryStringParameters.tag" set to "b"
    And the event has "multiValueQueryStringParameters.tag" set to "[\"a\",\"b\"]"
    And the event has "headers.Accept" set to "application/json"
    And the event has "requestContext.stage" set to "prod"
    And the event has "isBase64Encoded" set to "false"
    And the event has no "version"
