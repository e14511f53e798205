declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route public to the guard whose handler takes a partner's API key as its `api_key` argument (GeoReport
     * v2: in the query or a field of the POST form) and checks this permission itself. The OpenAPI document
     * declares the argument as the operation's security.
     */
    keyArgument?: KeyArgument;
  }
}

export interface KeyArgument {
  permission: string;
}
