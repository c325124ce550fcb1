// Shopify's standard metaobject definition templates, as standardMetaobjectDefinitionEnable answered
// for them on the recorded shop (captures: standard-metaobject-templates.json,
// standard-metaobject-definition-enable-catalog.json, metaobjectDefinitionUpdate-immutable.json).
// Only these 27 templates were recorded; the twin's catalogue is exactly them, so other types answer
// RECORD_NOT_FOUND like "shopify--unknown-template" does. Generated from the captures.

export interface StandardTemplate {
  type: string;
  name: string;
  description: string | null;
  displayNameKey: string | null;
  access: { admin: string; storefront: string };
  capabilities: { publishable: boolean; translatable: boolean; renderable: boolean; onlineStore: boolean };
  hasThumbnailField: boolean;
  fieldDefinitions: { key: string; name: string; description: string | null; required: boolean; type: string; validations: { name: string; value: string }[] }[];
}

export const STANDARD_TEMPLATES: StandardTemplate[] = [
 {
  "type": "shopify--qa-pair",
  "name": "Question and Answer Pairs",
  "description": "Question and answer pairs that describe a merchant's shop.",
  "displayNameKey": "question",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "NONE"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "question",
    "name": "Question",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": []
   },
   {
    "key": "answer",
    "name": "Answer",
    "description": null,
    "required": true,
    "type": "multi_line_text_field",
    "validations": []
   },
   {
    "key": "sources",
    "name": "Sources",
    "description": null,
    "required": false,
    "type": "list.link",
    "validations": []
   }
  ]
 },
 {
  "type": "shopify--color-pattern",
  "name": "Color",
  "description": "Defines the primary color or pattern, such as blue or striped",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": true,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "color",
    "name": "Color",
    "description": null,
    "required": false,
    "type": "color",
    "validations": []
   },
   {
    "key": "image",
    "name": "Image",
    "description": null,
    "required": false,
    "type": "file_reference",
    "validations": [
     {
      "name": "file_type_options",
      "value": "[\"Image\"]"
     }
    ]
   },
   {
    "key": "color_taxonomy_reference",
    "name": "Base color",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "list.product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "color"
     },
     {
      "name": "list.min",
      "value": "1"
     },
     {
      "name": "list.max",
      "value": "4"
     }
    ]
   },
   {
    "key": "pattern_taxonomy_reference",
    "name": "Base pattern",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "pattern"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--material",
  "name": "Material",
  "description": "Defines a product's primary material, such as cotton or wool",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base material",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "material"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--accessory-size",
  "name": "Accessory size",
  "description": "Defines the size of an accessory product, such as one size or compact",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base accessory size",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "accessory-size"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--age-group",
  "name": "Age group",
  "description": "Defines the target age range for a product, such as adults or kids",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base age group",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "age-group"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--battery-type",
  "name": "Battery type",
  "description": "Distinguishes between types of batteries, such as disposable or rechargeable ",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base battery type",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "battery-type"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--fabric",
  "name": "Fabric",
  "description": "Identifies the type of fabric used in a product, for example, cotton or denim",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base fabric",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "fabric"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--finish",
  "name": "Finish",
  "description": "Describes the surface quality of a product, like satin or matte",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base finish",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "finish"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--flavor",
  "name": "Flavor",
  "description": "Specifies the taste or flavor of a product, e.g. vanilla, mint",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base flavor",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "flavor"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--jewelry-material",
  "name": "Jewelry material",
  "description": "Identifies the main material used in jewelry items, such as gold or enamel",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base jewelry material",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "jewelry-material"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--neckline",
  "name": "Neckline",
  "description": "Used to describe the neck shape of a garment, such as V-neck or boat",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base neckline",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "neckline"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--occasion",
  "name": "Occasion",
  "description": "Specifies the suitable event or setting for a product, e.g. casual, formal",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base occasion",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "occasion"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--one-piece-style",
  "name": "One-piece style",
  "description": "Identifies the specific style of a one-piece garment, like a jumpsuit or romper",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base one-piece style",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "one-piece-style"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--ring-size",
  "name": "Ring size",
  "description": "Specifies the size of a ring, such as L or 6.5",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base ring size",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "ring-size"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--shoe-size",
  "name": "Shoe size",
  "description": "Used to define the size of footwear, e.g. Extra large (XL), 9.5",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base shoe size",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "shoe-size"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--size",
  "name": "Size",
  "description": "Used to specify the size of a product, such as 0-3 months or Extra large (XL)",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base size",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "size"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--sleeve-length-type",
  "name": "Sleeve length type",
  "description": "Specifies the style of sleeves on clothing items, such as short or sleeveless",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base sleeve length type",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "sleeve-length-type"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--style",
  "name": "Style",
  "description": "Describes the style of a product, typically for window treatments; e.g. vertical blind, pleated shades",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base style",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "style"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--target-gender",
  "name": "Target gender",
  "description": "Identifies the intended gender for a product, such as female, male or unisex",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base target gender",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "target-gender"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--theme",
  "name": "Theme",
  "description": "Describes the product's primary theme or motif, such as sport, space, or holidays",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base theme",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "theme"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--toe-style",
  "name": "Toe style",
  "description": "Defines the shape or design of a shoe's toe, such as open or pointed",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base toe style",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "toe-style"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--top-length-type",
  "name": "Top length type",
  "description": "Defines the length of tops or shirts, like crop top or long",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base top length type",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "top-length-type"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--waist-rise",
  "name": "Waist rise",
  "description": "Indicates where on the waist a garment sits, like low, medium or high",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base waist rise",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "waist-rise"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--watch-band-material",
  "name": "Watch/Band material",
  "description": "Specifies the type of material for watch bands, such as nylon or silicone",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base watch/band material",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "watch-band-material"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--pants-length-type",
  "name": "Pants length type",
  "description": "Used to defines the length of pants, such as cropped or long",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base pants length type",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "pants-length-type"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--closure-type",
  "name": "Closure type",
  "description": "Defines the method used to fasten or secure a product, such as zipper or buckles",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base closure type",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "closure-type"
     }
    ]
   }
  ]
 },
 {
  "type": "shopify--fit-type",
  "name": "Fit type",
  "description": "Describes the fit type for vehicle parts and accessories, like custom or universal",
  "displayNameKey": "label",
  "access": {
   "admin": "PUBLIC_READ_WRITE",
   "storefront": "PUBLIC_READ"
  },
  "capabilities": {
   "publishable": false,
   "translatable": true,
   "renderable": false,
   "onlineStore": false
  },
  "hasThumbnailField": false,
  "fieldDefinitions": [
   {
    "key": "label",
    "name": "Label",
    "description": null,
    "required": true,
    "type": "single_line_text_field",
    "validations": [
     {
      "name": "max",
      "value": "255"
     }
    ]
   },
   {
    "key": "taxonomy_reference",
    "name": "Base fit type",
    "description": "Base values map to standards for better search and organization",
    "required": true,
    "type": "product_taxonomy_value_reference",
    "validations": [
     {
      "name": "product_taxonomy_attribute_handle",
      "value": "fit-type"
     }
    ]
   }
  ]
 }
];
