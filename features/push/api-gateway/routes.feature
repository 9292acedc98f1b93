@source:api-gateway @push @sync
Feature: A request that matches no route never reaches the function
  A REST API answers 403 {"message":"Missing Authentication Token"} for a path without a resource,
  an HTTP API 404 {"message":"Not Found"}; the function is not invoked.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-troubleshooting-errors.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html

  @aws-documented @needs:source:api-gateway
  Scenario: A REST API answers 403 Missing Authentication Token
    Given a function that returns nothing
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/customers" to "shop"
    Then the HTTP status is 403
    And the HTTP body is "{\"message\":\"Missing Authentication Token\"}"
    And the function was not invoked

  @aws-documented @needs:source:api-gateway
  Scenario: An HTTP API answers 404 Not Found
    Given a function that returns nothing
    And an HTTP API "shop" with payload format "2.0" on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/customers" to "shop"
    Then the HTTP status is 404
    And the function was not invoked
