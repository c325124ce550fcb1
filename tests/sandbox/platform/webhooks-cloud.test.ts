import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../sandbox/server";
import { apiClientId } from "../../../sandbox/shopify/platform/app-identity";
import { graphql, startTestSandbox, TEST_APP } from "../helpers";

const FIELDS = "id topic uri format metafieldNamespaces metafields { namespace key } apiVersion { handle displayName supported } endpoint { __typename ... on WebhookPubSubEndpoint { pubSubProject pubSubTopic } ... on WebhookEventBridgeEndpoint { arn } }";
const PUBSUB_CREATE = `mutation($topic: WebhookSubscriptionTopic!, $s: PubSubWebhookSubscriptionInput!) { pubSubWebhookSubscriptionCreate(topic: $topic, webhookSubscription: $s) { webhookSubscription { ${FIELDS} } userErrors { field message } } }`;
const PUBSUB_UPDATE = `mutation($id: ID!, $s: PubSubWebhookSubscriptionInput!) { pubSubWebhookSubscriptionUpdate(id: $id, webhookSubscription: $s) { webhookSubscription { ${FIELDS} } userErrors { field message } } }`;
const EB_CREATE = `mutation($topic: WebhookSubscriptionTopic!, $s: EventBridgeWebhookSubscriptionInput!) { eventBridgeWebhookSubscriptionCreate(topic: $topic, webhookSubscription: $s) { webhookSubscription { ${FIELDS} } userErrors { field message } } }`;
const EB_UPDATE = `mutation($id: ID!, $s: EventBridgeWebhookSubscriptionInput!) { eventBridgeWebhookSubscriptionUpdate(id: $id, webhookSubscription: $s) { webhookSubscription { id uri } userErrors { field message } } }`;
const CREATE = `mutation($topic: WebhookSubscriptionTopic!, $s: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: $s) { webhookSubscription { ${FIELDS} filter } userErrors { field message } } }`;
const DELETE = `mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }`;

describe("webhook subscriptions: dedicated cloud mutations and projections", () => {
  let sandbox: RunningSandbox;
  let token: string;
  const gql = (q: string, v?: Record<string, unknown>) => graphql(sandbox, token, q, v);
  const own = () => apiClientId(TEST_APP.apiKey);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    token = sandbox.issueAccessToken();
  });
  afterAll(() => sandbox.close());

  it("pubSubWebhookSubscriptionCreate/Update validate project and topic on their own fields; numeric projects are accepted", async () => {
    const bad = await gql(PUBSUB_CREATE, { topic: "SHOP_UPDATE", s: { pubSubProject: "-bad", pubSubTopic: "1topic", format: "JSON" } });
    expect(bad.json.data.pubSubWebhookSubscriptionCreate).toEqual({
      webhookSubscription: null,
      userErrors: [
        { field: ["webhookSubscription", "pubSubProject"], message: "Google Cloud Pub/Sub project ID is not valid" },
        { field: ["webhookSubscription", "pubSubTopic"], message: "Google Cloud Pub/Sub topic ID is not valid" },
      ],
    });
    const created = await gql(PUBSUB_CREATE, { topic: "SHOP_UPDATE", s: { pubSubProject: "123456789012", pubSubTopic: "valid-topic", format: "JSON" } });
    const sub = created.json.data.pubSubWebhookSubscriptionCreate.webhookSubscription;
    expect(sub).toMatchObject({ uri: "pubsub://123456789012:valid-topic", endpoint: { __typename: "WebhookPubSubEndpoint", pubSubProject: "123456789012", pubSubTopic: "valid-topic" } });
    const goog = await gql(PUBSUB_UPDATE, { id: sub.id, s: { pubSubProject: "valid-project", pubSubTopic: "goog-topic" } });
    expect(goog.json.data.pubSubWebhookSubscriptionUpdate.userErrors).toEqual([{ field: ["webhookSubscription", "pubSubTopic"], message: "Google Cloud Pub/Sub topic ID is not valid" }]);
    const updated = await gql(PUBSUB_UPDATE, { id: sub.id, s: { pubSubProject: "valid-project", pubSubTopic: "next%25topic" } });
    expect(updated.json.data.pubSubWebhookSubscriptionUpdate.webhookSubscription.uri).toBe("pubsub://valid-project:next%25topic");
  });

  it("eventBridgeWebhookSubscriptionCreate/Update check the ARN (field arn) and JSON-only format", async () => {
    const wrong = await gql(EB_CREATE, { topic: "SHOP_UPDATE", s: { arn: "arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/1/src", format: "JSON" } });
    expect(wrong.json.data.eventBridgeWebhookSubscriptionCreate.userErrors).toEqual([
      { field: ["webhookSubscription", "arn"], message: "Address is invalid" },
      { field: ["webhookSubscription", "arn"], message: `Address is an AWS ARN and includes api_client_id '1' instead of '${own()}'` },
    ]);
    const arn = `arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/${own()}/src`;
    const xml = await gql(EB_CREATE, { topic: "SHOP_UPDATE", s: { arn, format: "XML" } });
    expect(xml.json.data.eventBridgeWebhookSubscriptionCreate.userErrors).toEqual([{ field: ["webhookSubscription", "format"], message: "Format can only be used with format: 'json'" }]);
    const ok = await gql(EB_CREATE, { topic: "SHOP_UPDATE", s: { arn, format: "JSON" } });
    const id = ok.json.data.eventBridgeWebhookSubscriptionCreate.webhookSubscription.id;
    const malformed = await gql(EB_UPDATE, { id, s: { arn: `arn:aws:events:us-east-1::event-source/aws.partner/shopify.com/${own()}` } });
    expect(malformed.json.data.eventBridgeWebhookSubscriptionUpdate.userErrors).toEqual([
      { field: ["webhookSubscription", "arn"], message: "Address is invalid" },
      { field: ["webhookSubscription", "arn"], message: "Address is not a valid AWS ARN" },
    ]);
  });

  it("resolves $app namespaces, keeps metafield identifiers, projects 2026-07 as the release candidate", async () => {
    const res = await gql(CREATE, {
      topic: "SHOP_UPDATE",
      s: { uri: "https://example.com/hook-ns", format: "JSON", metafieldNamespaces: ["$app:Settings", "custom"], metafields: [{ namespace: "$app:Settings", key: "k" }] },
    });
    expect(res.json.data.webhookSubscriptionCreate.webhookSubscription).toMatchObject({
      metafieldNamespaces: [`app--${own()}--Settings`, "custom"],
      metafields: [{ namespace: `app--${own()}--Settings`, key: "k" }],
      apiVersion: { handle: "2026-07", displayName: "2026-07 (Release candidate)", supported: false },
    });
  });

  it("accepts 65535-byte addresses and filters, rejects one byte more", async () => {
    const at = `https://example.com/${"a".repeat(65_535 - "https://example.com/".length)}`;
    expect((await gql(CREATE, { topic: "SHOP_UPDATE", s: { uri: at } })).json.data.webhookSubscriptionCreate.userErrors).toEqual([]);
    const over = await gql(CREATE, { topic: "SHOP_UPDATE", s: { uri: `${at}a` } });
    expect(over.json.data.webhookSubscriptionCreate.userErrors).toEqual([{ field: ["webhookSubscription", "callbackUrl"], message: "Address is too big (maximum is 64 KB)" }]);
    const filter = `id:1${" id:1".repeat(13_107)}`; // 65_539 bytes
    const big = await gql(CREATE, { topic: "ORDERS_CREATE", s: { uri: "https://example.com/f", filter } });
    expect(big.json.data.webhookSubscriptionCreate.userErrors).toEqual([{ field: ["webhookSubscription"], message: "The specified filter exceeds the maximum allowed size." }]);
  });

  it("a repeated delete of a deleted subscription answers its id again; unknown ids stay unknown", async () => {
    const res = await gql(CREATE, { topic: "SHOP_UPDATE", s: { uri: "https://example.com/hook-del" } });
    const id = res.json.data.webhookSubscriptionCreate.webhookSubscription.id;
    for (let i = 0; i < 2; i++) expect((await gql(DELETE, { id })).json.data.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: id, userErrors: [] });
    const unknown = await gql(DELETE, { id: "gid://shopify/WebhookSubscription/1" });
    expect(unknown.json.data.webhookSubscriptionDelete).toEqual({ deletedWebhookSubscriptionId: null, userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }] });
  });

  it("delegateAccessTokenCreate and appRevokeAccessScopes validate like Shopify", async () => {
    const create = (input: Record<string, unknown>) =>
      gql(`mutation($input: DelegateAccessTokenInput!) { delegateAccessTokenCreate(input: $input) { delegateAccessToken { accessToken } shop { id } userErrors { field message code } } }`, { input });
    expect((await create({ delegateAccessScope: [] })).json.data.delegateAccessTokenCreate.userErrors).toEqual([{ field: null, message: "The access scope can't be empty.", code: "EMPTY_ACCESS_SCOPE" }]);
    expect((await create({ delegateAccessScope: ["fake_scope"] })).json.data.delegateAccessTokenCreate.userErrors).toEqual([{ field: null, message: "The access scope is invalid: fake_scope", code: "UNKNOWN_SCOPES" }]);
    const negative = await create({ delegateAccessScope: ["read_products"], expiresIn: -1 });
    expect(negative.json.data.delegateAccessTokenCreate).toMatchObject({ delegateAccessToken: null, shop: { id: expect.stringMatching(/^gid:\/\/shopify\/Shop\//) }, userErrors: [{ code: "NEGATIVE_EXPIRES_IN", message: "The expires_in value must be greater than 0." }] });
    const happy = await create({ delegateAccessScope: ["read_products"] });
    expect(happy.json.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");

    const revoke = (scopes: string[]) => gql(`mutation($s: [String!]!) { appRevokeAccessScopes(scopes: $s) { revoked { handle } userErrors { field message code } } }`, { s: scopes });
    expect((await revoke(["read_products", "fake_scope"])).json.data.appRevokeAccessScopes).toEqual({
      revoked: null, userErrors: [{ field: ["scopes"], message: "The requested list of scopes to revoke includes invalid handles.", code: "UNKNOWN_SCOPES" }],
    });
  });
});
