import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, EmptyState, Layout, Page } from "@shopify/polaris";

type Action = { content: string; url: string };

/** A section that has nothing to show yet: what will appear here, what to do first, and a picture. */
export function EmptyStatePage(props: {
  title: string;
  heading: string;
  body: string;
  firstStep: string;
  action: Action;
  secondaryAction: Action;
  image: string;
}) {
  return (
    <Page>
      <TitleBar title={props.title} />
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState heading={props.heading} action={props.action} secondaryAction={props.secondaryAction} image={props.image}>
              <BlockStack gap="200">
                <p>{props.body}</p>
                <p>{props.firstStep}</p>
              </BlockStack>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
