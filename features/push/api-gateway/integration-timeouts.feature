@source:api-gateway @push @sync
Feature: A function slower than the integration timeout answers 504
  API Gateway waits for the function up to the integration timeout: 29 seconds by default for REST
  APIs and 30 seconds (the maximum) for HTTP APIs. A slower function answers 504 to the client.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html

  @aws-documented @needs:source:api-gateway
  Scenario Outline: A REST API with a function running <seconds> s answers <status>
    Given a function that runs for <seconds> seconds and returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /slow"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/slow" to "shop"
    Then the HTTP status is <status>

    Examples:
      | seconds | status |
      | 28      | 200    |
      | 30      | 504    |

  @aws-documented @needs:source:api-gateway
  Scenario Outline: An HTTP API with a function running <seconds> s answers <status>
    Given a function that runs for <seconds> seconds and returns:
      """json
      {"statusCode": 200, "body": "ok"}
      """
    And an HTTP API "shop" with payload format "2.0" on "GET /slow"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/slow" to "shop"
    Then the HTTP status is <status>

    Examples:
      | seconds | status |
      | 29      | 200    |
      | 31      | 504    |
