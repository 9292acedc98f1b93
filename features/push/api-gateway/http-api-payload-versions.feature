@source:api-gateway @push @sync
Feature: HTTP APIs send payload format 1.0 or 2.0 and infer 2.0 responses
  An HTTP API's Lambda integration uses payload format 1.0 (the REST shape plus "version": "1.0") or
  2.0: rawPath and rawQueryString, lower-case header names, duplicate headers and query parameters
  joined with commas, and cookies in their own array. With 2.0, a function that returns JSON without
  a statusCode gets a 200 application/json response with that JSON as the body.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html

  @aws-documented @needs:source:api-gateway
  Scenario: A payload 2.0 event joins duplicates and lower-cases header names
    Given a function that returns:
      """json
      {"statusCode": 200, "body": ""}
      """
    And an HTTP API "shop" with payload format "2.0" on "GET /orders/{id}"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders/42?tag=a&tag=b" to "shop" with the headers:
      | name    | value       |
      | X-Multi | v1          |
      | X-Multi | v2          |
      | Cookie  | c1=v1; c2=v2 |
    Then the event has "version" set to "2.0"
    And the event has "routeKey" set to "GET /orders/{id}"
    And the event has "rawPath" set to "/orders/42"
    And the event has "rawQueryString" set to "tag=a&tag=b"
    And the event has "queryStringParameters.tag" set to "a,b"
    And the event has "headers.x-multi" set to "v1,v2"
    And the event has "cookies" set to "[\"c1=v1\",\"c2=v2\"]"
    And the event has "pathParameters.id" set to "42"
    And the event has no "multiValueHeaders"

  @aws-documented @needs:source:api-gateway
  Scenario: A 2.0 response without statusCode is inferred as 200 JSON
    Given a function that returns:
      """json
      {"orderId": 42}
      """
    And an HTTP API "shop" with payload format "2.0" on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 200
    And the HTTP header "Content-Type" is "application/json"
    And the HTTP body is "{\"orderId\": 42}"

  @aws-documented @needs:source:api-gateway
  Scenario: A 2.0 response sets its cookies
    Given a function that returns:
      """json
      {"statusCode": 200, "cookies": ["session=1"], "body": "ok"}
      """
    And an HTTP API "shop" with payload format "2.0" on "GET /login"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/login" to "shop"
    Then the HTTP header "Set-Cookie" is "session=1"

  @aws-documented @needs:source:api-gateway
  Scenario: A payload 1.0 event on an HTTP API carries the version 1.0
    Given a function that returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And an HTTP API "shop" with payload format "1.0" on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP status is 200
    And the event has "version" set to "1.0"
    And the event has "requestContext.stage" set to "$default"
