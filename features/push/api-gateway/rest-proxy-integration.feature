@source:api-gateway @push @sync
Feature: A REST API proxy integration maps the function's response to the HTTP response
  With a Lambda proxy integration, API Gateway invokes the function synchronously with the whole
  request (payload format 1.0) and turns the function's answer into the HTTP response: statusCode,
  headers and multiValueHeaders (a name in both is merged, the multi-value list first), and body. A
  REST API without binary media types (the kit configures none) returns a base64 body flagged
  isBase64Encoded as the base64 text itself.

  AWS documentation:
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
  - https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html
  - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html
  Recorded on AWS: localstack/localstack (commit 8b9a79f0)
  tests/aws/services/apigateway/test_apigateway_lambda.snapshot.json,
  test_aws_proxy_response_payload_format_validation, recorded 2024-11-15 (the merged headers, the base64
  body without binary media types).

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

  @aws-observed @needs:source:api-gateway
  Scenario: headers and multiValueHeaders of the same name are merged, the multi-value list first
    Given a function that returns:
      """json
      {"statusCode": 200, "multiValueHeaders": {"test-multi": ["value-multi"]}, "headers": {"TEST-multi": "value-solo"}}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /orders"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/orders" to "shop"
    Then the HTTP header "test-multi" is "value-multi, value-solo"

  @aws-observed @needs:source:api-gateway
  Scenario: Without binary media types a base64 body comes back as the base64 text
    Given a function that returns:
      """json
      {"statusCode": 200, "body": "aGVsbG8=", "isBase64Encoded": true}
      """
    And a REST API "shop" with a Lambda proxy integration on "GET /hello"
    And API Gateway may invoke the function from "shop"
    When a client sends GET "/hello" to "shop"
    Then the HTTP body is "aGVsbG8="

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
