import type { Preset } from './preset.ts';

/** The price WooCommerce shows: the sale price (`<ins>`) when there is one, else the one amount. */
const price = (scope: string) => [
  `${scope} ins .woocommerce-Price-amount`,
  `${scope} .woocommerce-Price-amount`,
  scope,
];

/**
 * WordPress shops that sell courses as WooCommerce products: a product page (`h1.product_title`, the price in
 * `.summary .price`) or a shop/category listing (`li.product` cards).
 */
export const woocommerce: Preset = {
  name: 'woocommerce',
  platform: 'WordPress + WooCommerce course product',
  detect: {
    any: [
      { className: 'product_title' },
      { className: 'woocommerce-loop-product__title' },
      { className: 'woocommerce-product-details__short-description' },
    ],
  },
  maps: [
    {
      // themes drop the class; on a product page (body.single-product) its one h1 is still the product's
      title: ['h1.product_title', 'body.single-product h1'],
      cost: price('.summary .price'),
      summary: '.woocommerce-product-details__short-description',
      description: ['#tab-description', '.woocommerce-Tabs-panel--description'],
      subjects: '.product_meta .posted_in a',
      keywords: '.product_meta .tagged_as a',
    },
    {
      item: 'li.product',
      title: '.woocommerce-loop-product__title',
      cost: price('.price'),
    },
  ],
};
