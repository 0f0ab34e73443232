import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import type { Request } from 'express';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Public } from '../identity/auth.decorators';
import { ScimContentTypeInterceptor } from './scim-content-type.interceptor';
import { ScimErrorFilter } from './scim-error.filter';
import {
  CORE_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  enterpriseUserSchema,
  listResponse,
  serviceProviderConfig,
  userResourceType,
  userSchema,
} from './scim-schemas';
import { ScimTokenGuard } from './scim-token.guard';
import { ListUsersQuery, ScimUsersService } from './scim-users.service';
import { ScimError } from './scim.errors';

const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}/scim/v2`;

/** SCIM 2.0 for Entra ID provisioning. Not behind sign-in: behind the SCIM_TOKEN secret. */
@Public()
@RateLimit('scim')
@Controller('scim/v2')
@UseGuards(ScimTokenGuard)
@UseFilters(ScimErrorFilter)
@UseInterceptors(ScimContentTypeInterceptor)
export class ScimController {
  constructor(private readonly users: ScimUsersService) {}

  @Get('ServiceProviderConfig')
  serviceProviderConfig(@Req() req: Request) {
    return serviceProviderConfig(baseUrl(req));
  }

  @Get('Schemas')
  schemas(@Req() req: Request) {
    const all = [userSchema(baseUrl(req)), enterpriseUserSchema(baseUrl(req))];
    return listResponse(all, all.length, 1);
  }

  @Get('Schemas/:id')
  schema(@Req() req: Request, @Param('id') id: string) {
    if (id === CORE_USER_SCHEMA) return userSchema(baseUrl(req));
    if (id === ENTERPRISE_USER_SCHEMA) return enterpriseUserSchema(baseUrl(req));
    throw new ScimError(404, `No schema "${id}"`);
  }

  @Get('ResourceTypes')
  resourceTypes(@Req() req: Request) {
    return listResponse([userResourceType(baseUrl(req))], 1, 1);
  }

  @Get('ResourceTypes/:id')
  resourceType(@Req() req: Request, @Param('id') id: string) {
    if (id === 'User') return userResourceType(baseUrl(req));
    throw new ScimError(404, `No resource type "${id}"`);
  }

  @Get('Users')
  list(@Req() req: Request, @Query() query: ListUsersQuery) {
    return this.users.list(query, baseUrl(req));
  }

  @Get('Users/:id')
  get(@Req() req: Request, @Param('id') id: string) {
    return this.users.get(id, baseUrl(req));
  }

  @Post('Users')
  @HttpCode(201)
  create(@Req() req: Request, @Body() body: unknown) {
    return this.users.create(body, baseUrl(req));
  }

  @Put('Users/:id')
  replace(@Req() req: Request, @Param('id') id: string, @Body() body: unknown) {
    return this.users.replace(id, body, baseUrl(req));
  }

  @Patch('Users/:id')
  patch(@Req() req: Request, @Param('id') id: string, @Body() body: unknown) {
    return this.users.patch(id, body, baseUrl(req));
  }

  @Delete('Users/:id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }
}
